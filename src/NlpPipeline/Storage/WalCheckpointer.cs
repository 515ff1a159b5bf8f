using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace NlpPipeline.Storage;

/// <summary>
/// Copies a WAL-mode database's write-ahead log into the database file while another connection keeps writing
/// (with its automatic checkpoints off): on its own connection and thread, a PASSIVE checkpoint runs whenever
/// the writer reports a commit (<see cref="Committed"/>) and the WAL has grown by the threshold since the last
/// one. PASSIVE checkpoints wait for no reader or writer and change no transaction, so crash consistency and
/// readers are as without it. <see cref="Stop"/> (or <see cref="Dispose"/>) ends the thread.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private const int WalHeader = 32, FrameHeader = 24;

    private readonly string _walPath;
    private readonly long _threshold;
    private readonly SqliteConnection _connection;
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private readonly long _frameSize;
    private volatile bool _stopping;
    private long _copiedTo;
    private ExceptionDispatchInfo? _failure;

    /// <param name="path">The database file (in WAL mode).</param>
    /// <param name="thresholdBytes">WAL growth, in bytes past the last checkpoint, that starts the next one.</param>
    public WalCheckpointer(string path, long thresholdBytes)
    {
        _walPath = path + "-wal";
        _threshold = thresholdBytes;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        _connection.Open();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA busy_timeout = 30000;";
            cmd.ExecuteNonQuery();
            cmd.CommandText = "PRAGMA page_size;";
            _frameSize = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + FrameHeader;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = "WAL checkpointer" };
        _thread.Start();
    }

    private volatile int _checkpoints;

    /// <summary>Number of checkpoints run so far.</summary>
    public int Checkpoints => _checkpoints;

    /// <summary>Whether the thread is still running.</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>Tells the checkpointer that the writer committed (the WAL may have grown).</summary>
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
                if (WalLength() - _copiedTo >= _threshold)
                    Checkpoint();
            }
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    private long WalLength()
    {
        var wal = new FileInfo(_walPath);
        return wal.Exists ? wal.Length : 0;
    }

    // A WAL restarted by the writer (after a checkpoint that copied it all) starts again from its head: until it
    // outgrows the point reached, no checkpoint runs; the final one copies the rest.
    private void Checkpoint()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = cmd.ExecuteReader();
        if (reader.Read())
            _copiedTo = WalHeader + reader.GetInt64(2) * _frameSize;
        _checkpoints++;
    }

    public void Dispose()
    {
        End();
        _connection.Dispose();
        _wake.Dispose();
    }
}
