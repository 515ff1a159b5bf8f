using Microsoft.Data.Sqlite;
using NlpPipeline.Storage;

namespace NlpPipeline.Tests.Storage;

public sealed class RawStatementTests
{
    public static TheoryData<string?, string> Texts => new()
    {
        { null, "null|" },
        { "", "text|" }, // an empty span is not a null pointer: "" stays text
        { "Đặng Thị Ngọc Thịnh", "text|Đặng Thị Ngọc Thịnh" },
        { "a😀b", "text|a😀b" }, // a surrogate pair: 4 bytes of UTF-8
        { new string('ạ', 5000), "text|" + new string('ạ', 5000) }, // longer than the reused UTF-8 buffer
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_BoundThenStored_ReadsBackAsTheSameTextOrNull(string? value, string expected) =>
        Assert.Equal(expected, BindAndReadBack(insert => insert.Text(0, value)));

    [Theory]
    [MemberData(nameof(Texts))]
    public void Utf8_BoundThenStored_ReadsBackAsTheSameText(string? value, string expected)
    {
        if (value is null)
            return; // UTF-8 bytes are always text
        Assert.Equal(expected, BindAndReadBack(insert => insert.Utf8(0, System.Text.Encoding.UTF8.GetBytes(value))));
    }

    // Binds through bind after a longer value, runs the insert and reads back typeof(v) || '|' || v.
    private static object? BindAndReadBack(Func<RawStatement, RawStatement> bind)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (v TEXT)";
            create.ExecuteNonQuery();
        }
        using (var insert = new RawStatement(connection, "INSERT INTO t(v) VALUES ($v)", "$v"))
        {
            // Twice through the same statement: a long value first leaves no trace in a short one after.
            insert.Text(0, "long enough to stay in the buffer").Step();
            bind(insert).Step();
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(v) || '|' || coalesce(v, '') FROM t ORDER BY rowid DESC LIMIT 1";
        return read.ExecuteScalar();
    }
}
