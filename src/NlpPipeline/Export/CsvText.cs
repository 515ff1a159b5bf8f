using System.Text;

namespace NlpPipeline.Export;

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote, CR or LF, with quotes doubled.</summary>
public static class CsvText
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void WriteRow(TextWriter output, params string?[] fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                line.Append(',');
            line.Append(Field(fields[i]));
        }
        output.Write(line.Append('\n'));
    }
}
