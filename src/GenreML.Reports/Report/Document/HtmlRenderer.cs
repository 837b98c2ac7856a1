using System.Net;
using System.Text;

namespace GenreML.Reports.Report.Document;

/// <summary>Renders a <see cref="ReportDocument"/> as one self-contained HTML page, images embedded as base64 PNG/SVG.</summary>
internal static class HtmlRenderer
{
    private const string Style =
        "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#202020}" +
        "table{border-collapse:collapse;margin:0.5em 0 1.5em}th,td{border:1px solid #ccc;padding:0.25em 0.6em}" +
        "th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%;height:auto}";

    /// <param name="document">The report.</param>
    /// <param name="imageBytes">The content of each image named by an <see cref="ImageBlock"/>.</param>
    public static string Render(ReportDocument document, IReadOnlyDictionary<string, byte[]> imageBytes)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(document.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<h1>")
            .Append(Encode(document.Title)).Append("</h1>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    html.Append("<h").Append(h.Level).Append('>').Append(Encode(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case ParagraphBlock p:
                    html.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                    break;
                case TableBlock t:
                    AppendTable(html, t);
                    break;
                case ImageBlock i:
                    if (!imageBytes.TryGetValue(i.FileName, out var bytes))
                    {
                        throw new InvalidOperationException($"report image '{i.FileName}' was not rendered");
                    }
                    var mime = i.FileName.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? "image/svg+xml" : "image/png";
                    html.Append("<p><img alt=\"").Append(Encode(i.AltText)).Append("\" src=\"data:").Append(mime).Append(";base64,")
                        .Append(Convert.ToBase64String(bytes)).Append("\"></p>\n");
                    break;
                default:
                    throw new InvalidOperationException($"unknown report block {block.GetType().Name}");
            }
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, TableBlock table)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Count; c++)
            {
                html.Append(c < table.RightAligned.Count && table.RightAligned[c] ? "<td class=\"num\">" : "<td>")
                    .Append(Encode(row[c])).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
