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
    public void Text_BoundThenStored_ReadsBackAsTheSameTextOrNull(string? value, string expected)
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
            insert.Text(0, value).Step();
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(v) || '|' || coalesce(v, '') FROM t ORDER BY rowid DESC LIMIT 1";

        Assert.Equal(expected, read.ExecuteScalar());
    }
}
