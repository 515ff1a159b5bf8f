using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace NlpPipeline.Storage;

/// <summary>
/// Copies a WAL-mode database's write-ahead log into the database file while another connection keeps writing
/// (with its automatic checkpoints off): on its own connection and thread, a PASSIVE checkpoint runs after each
/// <see cref="Committed"/> call (calls made while one runs are served by one more). PASSIVE checkpoints wait for
/// no reader or writer and change no transaction, so crash consistency and readers are as without it. <see cref="Stop"/> (or <see cref="Dispose"/>) ends the thread.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private volatile int _checkpoints;
    private ExceptionDispatchInfo? _failure;

    /// <param name="path">The database file (in WAL mode).</param>
    public WalCheckpointer(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        _connection.Open();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA busy_timeout = 30000;";
            cmd.ExecuteNonQuery();
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "WAL checkpointer" };
        _thread.Start();
    }

    /// <summary>Number of checkpoints run so far.</summary>
    public int Checkpoints => _checkpoints;

    /// <summary>Whether the thread is still running.</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>Tells the checkpointer that the writer committed: a checkpoint follows.</summary>
    public void Committed() => _wake.Set();

    /// <summary>Ends the thread once any running checkpoint is done; rethrows a checkpoint's failure.</summary>
    public void Stop()
    {
        End();
        _failure?.Throw();
    }

    private void End()
    {
        _stopping = true;
        _wake.Set();
        _thread.Join();
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                _wake.WaitOne();
                if (_stopping)
                    return;
                Checkpoint();
            }
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    private void Checkpoint()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        cmd.ExecuteNonQuery();
        _checkpoints++;
    }

    public void Dispose()
    {
        End();
        _connection.Dispose();
        _wake.Dispose();
    }
}
