using SQLitePCL;

namespace NlpPipeline.Storage;

/// <summary>
/// Process-wide SQLite settings for programs that use each connection from one thread at a time, as the nlp command
/// does and Microsoft.Data.Sqlite requires: multi-thread mode, so that calls on a connection take no mutex (a
/// connection shared by threads at once is then unsafe), and no memory statistics, so that SQLite's allocations
/// take none either. SQLite accepts them only before it first starts in the process.
/// </summary>
public static class SqliteProcess
{
    /// <summary>
    /// Applies the settings, first thing in <c>Main</c>; false when SQLite had already started (it then keeps its
    /// serialized mode). Answers are the same either way.
    /// </summary>
    public static bool Configure()
    {
        Batteries_V2.Init();
        var threading = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        var memory = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return threading == raw.SQLITE_OK && memory == raw.SQLITE_OK;
    }
}
