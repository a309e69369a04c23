using System.Text;

namespace TaobaoVillage.Excel;

/// <summary>
/// The rows of a sheet held on disk until its columns are known (which rule sets the rows used): each value as a tag
/// and its bytes, in a temporary file deleted when the spool is disposed. Amounts stay decimals, exactly.
/// </summary>
internal sealed class RowSpool : IDisposable
{
    private const byte Null = 0, Text = 1, Int = 2, Long = 3, Decimal = 4;

    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private long _count;

    public RowSpool()
    {
        _file = new FileStream(Path.Combine(Path.GetTempPath(), "taobao-sheet-" + Guid.NewGuid().ToString("N") + ".tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        _writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Holds one row's values.</summary>
    public void Add(object?[] values)
    {
        foreach (var value in values)
        {
            Write(value);
        }

        _count++;
    }

    /// <summary>The rows held, in order, each of <paramref name="width"/> values (read once, after the last <see cref="Add"/>).</summary>
    public IEnumerable<object?[]> Rows(int width)
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, Encoding.UTF8, leaveOpen: true);
        for (var i = 0L; i < _count; i++)
        {
            var values = new object?[width];
            for (var j = 0; j < width; j++)
            {
                values[j] = Read(reader);
            }

            yield return values;
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }

    private void Write(object? value)
    {
        switch (value)
        {
            case string text:
                _writer.Write(Text);
                _writer.Write(text);
                break;
            case int number:
                _writer.Write(Int);
                _writer.Write(number);
                break;
            case long number:
                _writer.Write(Long);
                _writer.Write(number);
                break;
            case decimal number:
                _writer.Write(Decimal);
                _writer.Write(number);
                break;
            case null:
                _writer.Write(Null);
                break;
            default:
                // The table's values are text, whole numbers and amounts; anything else is kept as it is shown.
                Write(value.ToString());
                break;
        }
    }

    private static object? Read(BinaryReader reader) => reader.ReadByte() switch
    {
        Text => reader.ReadString(),
        Int => reader.ReadInt32(),
        Long => reader.ReadInt64(),
        Decimal => reader.ReadDecimal(),
        _ => null,
    };
}
