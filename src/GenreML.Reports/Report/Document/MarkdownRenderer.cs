using System.Text;

namespace GenreML.Reports.Report.Document;

/// <summary>Renders a <see cref="ReportDocument"/> as GitHub-flavoured Markdown with relative image links.</summary>
internal static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(document.Title)).Append('\n');
        foreach (var block in document.Blocks)
        {
            md.Append('\n');
            switch (block)
            {
                case HeadingBlock h:
                    md.Append('#', h.Level).Append(' ').Append(Escape(h.Text)).Append('\n');
                    break;
                case ParagraphBlock p:
                    md.Append(Escape(p.Text)).Append('\n');
                    break;
                case TableBlock t:
                    AppendTable(md, t);
                    break;
                case ImageBlock i:
                    md.Append("![").Append(Escape(i.AltText)).Append("](").Append(Uri.EscapeDataString(i.FileName)).Append(")\n");
                    break;
                default:
                    throw new InvalidOperationException($"unknown report block {block.GetType().Name}");
            }
        }
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, TableBlock table)
    {
        md.Append('|');
        foreach (var header in table.Headers)
        {
            md.Append(' ').Append(Escape(header)).Append(" |");
        }
        md.Append("\n|");
        foreach (var right in table.RightAligned)
        {
            md.Append(right ? " ---: |" : " --- |");
        }
        md.Append('\n');
        foreach (var row in table.Rows)
        {
            md.Append('|');
            foreach (var cell in row)
            {
                md.Append(' ').Append(Escape(cell)).Append(" |");
            }
            md.Append('\n');
        }
    }

    /// <summary>Makes text literal: Markdown punctuation is backslash-escaped, line breaks become spaces.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#':
                    sb.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
