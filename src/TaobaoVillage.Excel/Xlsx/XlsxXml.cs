using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>How every part of a workbook is read: no DTD (no entity expansion), no resolver, comments and processing instructions skipped.</summary>
internal static class XlsxXml
{
    /// <summary>The reader settings.</summary>
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
