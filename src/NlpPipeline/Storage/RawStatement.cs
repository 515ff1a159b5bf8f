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
    private byte[] _utf8 = new byte[1024];

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
        for (var i = 0; i < values.Length; i++)
        {
            switch (values[i])
            {
                case null: Null(i); break;
                case string s: Text(i, s); break;
                case int n: Int(i, n); break;
                case long n: Int(i, n); break;
                case double d: Real(i, d); break;
                default: throw new ArgumentException($"Unsupported parameter type {values[i]!.GetType()}.", nameof(values));
            }
        }
        return Step();
    }

    /// <summary>Binds parameter <paramref name="i"/> (0-based, constructor order) to text, or null.</summary>
    public RawStatement Text(int i, string? value) => value is null ? Null(i) : Text(i, value.AsSpan());

    /// <summary>
    /// Binds parameter <paramref name="i"/> to text, encoded to UTF-8 (the database's encoding, so SQLite neither
    /// converts nor allocates twice; a lone surrogate becomes U+FFFD) in a buffer reused across binds; SQLite copies it
    /// before this returns.
    /// </summary>
    public RawStatement Text(int i, ReadOnlySpan<char> value)
    {
        // An empty span would pass a null pointer, which binds NULL: "" is bound through a NUL-terminated literal.
        if (value.IsEmpty)
            return Bound(raw.sqlite3_bind_text(_stmt, _indexes[i], string.Empty));
        if (_utf8.Length < value.Length * 3)
            _utf8 = new byte[Math.Max(value.Length * 3, _utf8.Length * 2)];
        var length = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
        return Bound(raw.sqlite3_bind_text(_stmt, _indexes[i], _utf8.AsSpan(0, length)));
    }

    /// <summary>Binds parameter <paramref name="i"/> to an integer, or null.</summary>
    public RawStatement Int(int i, long? value) =>
        Bound(value is { } v ? raw.sqlite3_bind_int64(_stmt, _indexes[i], v) : raw.sqlite3_bind_null(_stmt, _indexes[i]));

    /// <summary>Binds parameter <paramref name="i"/> to a real number, or null.</summary>
    public RawStatement Real(int i, double? value) =>
        Bound(value is { } v ? raw.sqlite3_bind_double(_stmt, _indexes[i], v) : raw.sqlite3_bind_null(_stmt, _indexes[i]));

    /// <summary>Binds parameter <paramref name="i"/> to null.</summary>
    public RawStatement Null(int i) => Bound(raw.sqlite3_bind_null(_stmt, _indexes[i]));

    /// <summary>
    /// Runs the statement with the values bound (every parameter must be bound before each run: bindings are
    /// kept from the previous run); returns the first column of the first row, if any.
    /// </summary>
    public long? Step()
    {
        try
        {
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
        }
    }

    /// <summary>Runs an insert with the values bound (see <see cref="Step"/>); returns the new row's rowid.</summary>
    public long Insert()
    {
        Step();
        return LastInsertRowId;
    }

    /// <summary>The rowid of the connection's last successful insert.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    private RawStatement Bound(int rc)
    {
        Check(rc);
        return this;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    public void Dispose() => _stmt.Dispose();
}
