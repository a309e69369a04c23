namespace TaobaoVillage.Domain;

/// <summary>
/// Where a JSON text is written, token by token: one walk of a document's properties (<see cref="Rules.RuleSetJsonShape"/>)
/// serves the compact canonical form and the indented file form alike.
/// </summary>
internal interface IJsonSink
{
    void StartObject();

    void EndObject();

    void StartArray();

    void EndArray();

    void Name(string name);

    /// <summary>A string, or <c>null</c>.</summary>
    void String(string? value);

    /// <summary>A number already in its JSON form.</summary>
    void Number(string json);
}
