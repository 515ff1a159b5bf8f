using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NlpPipeline.Storage;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw directly (bind, step, reset), for the store's hot insert
/// path where ADO.NET's per-execution overhead would dominate. Runs inside whatever transaction the
/// connection has open; a failed step throws <see cref="SqliteException"/> and leaves the statement reusable.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly int[] _indexes;

    public RawStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        _indexes = parameters.Select(p => raw.sqlite3_bind_parameter_index(_stmt, p)).ToArray();
        if (_indexes.Any(i => i == 0))
            throw new ArgumentException($"A parameter is not in the statement: {sql}", nameof(parameters));
    }

    /// <summary>Binds <paramref name="values"/> in parameter order and runs the statement; returns the first column of the first row, if any.</summary>
    public long? Run(params object?[] values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
                Bind(_indexes[i], values[i]);
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
                return raw.sqlite3_column_type(_stmt, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_stmt, 0);
            if (rc != raw.SQLITE_DONE)
                Check(rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
            raw.sqlite3_clear_bindings(_stmt);
        }
    }

    /// <summary>The rowid of the connection's last successful insert.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_stmt, index),
            string s => raw.sqlite3_bind_text(_stmt, index, s),
            int n => raw.sqlite3_bind_int64(_stmt, index, n),
            long n => raw.sqlite3_bind_int64(_stmt, index, n),
            double d => raw.sqlite3_bind_double(_stmt, index, d),
            _ => throw new ArgumentException($"Unsupported parameter type {value.GetType()}.", nameof(value)),
        };
        Check(rc);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _stmt.Dispose();
}
