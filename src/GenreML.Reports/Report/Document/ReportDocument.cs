namespace GenreML.Reports.Report.Document;

/// <summary>A report as a list of blocks, rendered to Markdown or HTML by the same walk.</summary>
internal sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>One block of a report.</summary>
internal abstract record ReportBlock;

/// <summary>A section heading (level 2 or 3).</summary>
internal sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of plain text.</summary>
internal sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A table; <see cref="RightAligned"/> marks numeric columns.</summary>
internal sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<bool> RightAligned, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>An image stored beside the report under <see cref="FileName"/>.</summary>
internal sealed record ImageBlock(string AltText, string FileName) : ReportBlock;
