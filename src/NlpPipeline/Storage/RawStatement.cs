using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NlpPipeline.Storage;

/// <summary>
/// A prepared statement driven through SQLite's C API directly (bind, step, reset), for the store's hot insert
/// path where ADO.NET's per-execution overhead would dominate: prepared through SQLitePCLRaw, then bound and run
/// through <see cref="Native"/> on the raw handles (no SafeHandle reference counting or provider dispatch per call).
/// Runs inside whatever transaction the connection has open; a failed step throws <see cref="SqliteException"/> and
/// leaves the statement reusable. The connection must stay open until the statement is disposed.
/// </summary>
internal sealed unsafe class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly IntPtr _dbHandle, _stmtHandle;
    private readonly int[] _indexes;
    private byte[] _utf8 = new byte[1024];

    public RawStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        _dbHandle = _db.DangerousGetHandle();
        _stmtHandle = _stmt.DangerousGetHandle();
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
        if (_utf8.Length < value.Length * 3)
            _utf8 = new byte[Math.Max(value.Length * 3, _utf8.Length * 2)];
        var length = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
        // The buffer is never empty, so "" is bound from a non-null pointer (a null one would bind NULL).
        fixed (byte* utf8 = _utf8)
            return Bound(Native.sqlite3_bind_text(_stmtHandle, _indexes[i], utf8, length, Native.Transient));
    }

    /// <summary>
    /// Binds parameter <paramref name="i"/> to text given as UTF-8 (not checked), which SQLite copies before this
    /// returns; empty is text, not null.
    /// </summary>
    public RawStatement Utf8(int i, ReadOnlySpan<byte> utf8)
    {
        // An empty span may have a null pointer, which would bind NULL: bind "" from the (never empty) buffer instead.
        fixed (byte* text = utf8.IsEmpty ? _utf8 : utf8)
            return Bound(Native.sqlite3_bind_text(_stmtHandle, _indexes[i], text, utf8.Length, Native.Transient));
    }

    /// <summary>Binds parameter <paramref name="i"/> to an integer, or null.</summary>
    public RawStatement Int(int i, long? value) =>
        value is { } v ? Bound(Native.sqlite3_bind_int64(_stmtHandle, _indexes[i], v)) : Null(i);

    /// <summary>Binds parameter <paramref name="i"/> to a real number, or null.</summary>
    public RawStatement Real(int i, double? value) =>
        value is { } v ? Bound(Native.sqlite3_bind_double(_stmtHandle, _indexes[i], v)) : Null(i);

    /// <summary>Binds parameter <paramref name="i"/> to null.</summary>
    public RawStatement Null(int i) => Bound(Native.sqlite3_bind_null(_stmtHandle, _indexes[i]));

    /// <summary>
    /// Runs the statement with the values bound (every parameter must be bound before each run: bindings are
    /// kept from the previous run); returns the first column of the first row, if any.
    /// </summary>
    public long? Step()
    {
        try
        {
            var rc = Native.sqlite3_step(_stmtHandle);
            if (rc == raw.SQLITE_ROW)
                return Native.sqlite3_column_type(_stmtHandle, 0) == raw.SQLITE_NULL ? null : Native.sqlite3_column_int64(_stmtHandle, 0);
            if (rc != raw.SQLITE_DONE)
                Check(rc);
            return null;
        }
        finally
        {
            Native.sqlite3_reset(_stmtHandle);
        }
    }

    /// <summary>Runs an insert with the values bound (see <see cref="Step"/>); returns the new row's rowid.</summary>
    public long Insert()
    {
        Step();
        return LastInsertRowId;
    }

    /// <summary>The rowid of the connection's last successful insert.</summary>
    public long LastInsertRowId => Native.sqlite3_last_insert_rowid(_dbHandle);

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

    // The functions of the SQLite library that SQLitePCLRaw loads (e_sqlite3), on raw handles. Those that return at
    // once without I/O (binds copy one value; column and rowid reads) skip the GC transition.
    private static class Native
    {
        private const string Library = "e_sqlite3";

        /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the bind returns.</summary>
        public static readonly IntPtr Transient = new(-1);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_text(IntPtr stmt, int index, byte* text, int length, IntPtr destructor);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_int64(IntPtr stmt, int index, long value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_double(IntPtr stmt, int index, double value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_null(IntPtr stmt, int index);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_step(IntPtr stmt);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_reset(IntPtr stmt);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr stmt, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr stmt, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true), SuppressGCTransition]
        public static extern long sqlite3_last_insert_rowid(IntPtr db);
    }
}
