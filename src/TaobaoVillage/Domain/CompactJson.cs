using System.Text;

namespace TaobaoVillage.Domain;

/// <summary>Compact JSON text, no whitespace, strings escaped as <see cref="JsonText"/> escapes them. Not thread-safe.</summary>
internal sealed class CompactJson(int capacity = 1024) : IJsonSink
{
    private readonly StringBuilder _text = new(capacity);

    // Whether the next value or name follows another in the same object or array, and so needs a comma.
    private bool _afterValue;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        Separate();
        _text.AppendString(name).Append(':');
    }

    public void String(string? value)
    {
        Separate();
        _text.AppendString(value);
        _afterValue = true;
    }

    public void Number(string json)
    {
        Separate();
        _text.Append(json);
        _afterValue = true;
    }

    public override string ToString() => _text.ToString();

    private void Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
    }

    private void Close(char bracket)
    {
        _text.Append(bracket);
        _afterValue = true;
    }

    private void Separate()
    {
        if (_afterValue)
        {
            _text.Append(',');
        }

        _afterValue = false;
    }
}
