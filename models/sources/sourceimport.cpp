#include "sourceimport.h"

#include "casereader.h"
#include "htmltext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <poppler-qt6.h>

namespace AT {

namespace SourceImporting {

// A PDF holds much more than its text (fonts, images); it may be this much larger than the text
// limit. An HTML page is read whole into a tree, so it has the text limit itself.
constexpr qint64 MaxPdfFileBytes = 4 * CaseReader::MaxSourceFileBytes;
// How far into a file its kind is looked for.
constexpr qsizetype SniffBytes = 1024;

QString shown(const QString &path)
{
    return QStringLiteral("\u201c%1\u201d").arg(QDir::toNativeSeparators(path));
}

QString bytesInWords(qint64 bytes)
{
    return bytes >= (qint64(1) << 20) ? QStringLiteral("%1 MiB").arg(double(bytes) / double(qint64(1) << 20), 0, 'f', 1)
                                      : QStringLiteral("%1 bytes").arg(bytes);
}

// Poppler reports problems in a damaged file through qDebug by default; the import says what
// matters in its own error.
void quietPoppler(const QString &, const QVariant &) { }

SourceImport failure(SourceImport::Kind kind, const QString &error)
{
    SourceImport result;
    result.kind = kind;
    result.error = error;
    return result;
}

// The common end of every import: the size limit, an empty text, sha256 and the retrieval date.
void finish(SourceImport &result, const QString &what, QDate today)
{
    if (!result.ok()) {
        return;
    }
    const qint64 utf8Bytes = result.source.text.toUtf8().size();
    if (utf8Bytes > CaseReader::MaxSourceFileBytes) {
        result.error = QStringLiteral("The text of %1 is %2 (%3 bytes of UTF-8); a source may hold at most %4. "
                                      "Split it into parts and import each as its own source.")
                           .arg(what, bytesInWords(utf8Bytes))
                           .arg(utf8Bytes)
                           .arg(bytesInWords(CaseReader::MaxSourceFileBytes));
        return;
    }
    if (result.source.text.trimmed().isEmpty()) {
        result.error = QStringLiteral("%1 holds no text to cite.").arg(what);
        return;
    }
    result.source.sha256 = sha256Hex(result.source.text);
    result.source.retrieved = today.isValid() ? DatePoint::fromQDate(today) : DatePoint();
}

// Strict UTF-8 (with a UTF-8 byte-order mark dropped), or UTF-16 with its byte-order mark.
bool decodeText(const QByteArray &bytes, const QString &path, QString *text, QString *error, QStringList *notes)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool little = bytes.startsWith("\xFF\xFE");
        QStringDecoder decoder(little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE,
                               QStringDecoder::Flag::Stateless);
        *text = decoder.decode(QByteArrayView(bytes).sliced(2));
        if (decoder.hasError()) {
            *error = QStringLiteral("%1 starts as UTF-16 text but is not valid UTF-16 (a broken surrogate pair or an "
                                    "odd number of bytes). Open it in a text editor and save it as UTF-8, then import "
                                    "it again.")
                         .arg(shown(path));
            return false;
        }
        notes->append(QStringLiteral("Read as UTF-16 (%1), as its byte-order mark says.")
                          .arg(little ? QStringLiteral("little-endian") : QStringLiteral("big-endian")));
        return true;
    }
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF")) {
        view = view.sliced(3);
    }
    const qsizetype bad = firstInvalidUtf8(view);
    if (bad >= 0) {
        const qsizetype offset = bad + (view.size() < bytes.size() ? 3 : 0);
        const qsizetype line = 1 + QByteArrayView(bytes).first(offset).count('\n');
        *error = QStringLiteral("%1 is not valid UTF-8: the byte 0x%2 at byte offset %3 (line %4) is not part of a "
                                "UTF-8 character. It is probably in another encoding (such as Windows-1252 or "
                                "Latin-1): open it in a text editor and save it as UTF-8, then import it again.")
                     .arg(shown(path))
                     .arg(quint8(bytes.at(offset)), 2, 16, QLatin1Char('0'))
                     .arg(offset)
                     .arg(line);
        return false;
    }
    const qsizetype nul = view.indexOf('\0');
    if (nul >= 0) {
        const qsizetype offset = nul + (view.size() < bytes.size() ? 3 : 0);
        *error = QStringLiteral("%1 has a NUL byte at byte offset %2: it looks like a binary file, not text. Import "
                                "a text, Markdown, HTML or PDF file, or paste the text.")
                     .arg(shown(path))
                     .arg(offset);
        return false;
    }
    *text = QString::fromUtf8(view);
    return true;
}

// The character set an HTML page declares in a <meta> near its start, lower case; empty if none.
QString declaredCharset(QByteArrayView head)
{
    static const QRegularExpression re(QStringLiteral("<meta[^>]*charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(head));
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

bool decodeHtml(const QByteArray &bytes, const QString &path, QString *text, QString *error, QStringList *notes)
{
    if (bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        return decodeText(bytes, path, text, error, notes);
    }
    QString charset = declaredCharset(QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), SniffBytes)));
    if (charset.isEmpty() || charset == QLatin1StringView("utf-8") || charset == QLatin1StringView("utf8")) {
        return decodeText(bytes, path, text, error, notes);
    }
    // As browsers do: pages that say Latin-1 or ASCII are read as Windows-1252.
    if (charset == QLatin1StringView("iso-8859-1") || charset == QLatin1StringView("latin1")
        || charset == QLatin1StringView("us-ascii") || charset == QLatin1StringView("ascii")) {
        charset = QStringLiteral("windows-1252");
    }
    QStringDecoder decoder(charset.toLatin1().constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid()) {
        *error = QStringLiteral("%1 says it is in the character set \u201c%2\u201d, which this app cannot read. "
                                "Open the page in a browser, save it again as UTF-8 (or copy its text and paste it), "
                                "then import that.")
                     .arg(shown(path), charset);
        return false;
    }
    *text = decoder.decode(bytes);
    notes->append(QStringLiteral("Read in the character set the page declares (%1).").arg(charset));
    return true;
}

bool readFile(const QString &path, qint64 limit, QByteArray *bytes, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error
            = QStringLiteral("%1 does not exist (was it moved or renamed?). Choose the file again.").arg(shown(path));
        return false;
    }
    if (!info.isFile()) {
        *error = QStringLiteral("%1 is not a regular file (a folder, FIFO or device). Choose a text, Markdown, HTML "
                                "or PDF file.")
                     .arg(shown(path));
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2. Check that you may read it, or copy it somewhere you can.")
                     .arg(shown(path), file.errorString());
        return false;
    }
    if (file.size() > limit) {
        *error = QStringLiteral("%1 is %2; the limit for this kind of file is %3. Split it into parts and import each "
                                "as its own source.")
                     .arg(shown(path), bytesInWords(file.size()), bytesInWords(limit));
        return false;
    }
    *bytes = file.read(limit + 1);
    if (bytes->size() > limit) {
        *error = QStringLiteral("%1 is larger than %2. Split it into parts and import each as its own source.")
                     .arg(shown(path), bytesInWords(limit));
        return false;
    }
    return true;
}

// The page's words in reading order (columns one after the other, as pdftotext gives them): a
// space where the PDF has one, a line break at the end of each line, and a blank line where a new
// block starts (a new column, or a gap taller than a line). Poppler's own page text either keeps
// the physical layout (columns side by side, line by line) or the drawing order (words run
// together for some producers); neither can be quoted.
QString pageText(const Poppler::Page &page)
{
    const std::vector<std::unique_ptr<Poppler::TextBox>> boxes = page.textList();
    QString out;
    const Poppler::TextBox *previous = nullptr;
    QRectF line;
    for (const auto &box : boxes) {
        const QRectF rect = box->boundingBox();
        if (previous) {
            if (previous->nextWord()) {
                if (previous->hasSpaceAfter()) {
                    out += QLatin1Char(' ');
                }
            } else {
                const qreal height = std::max<qreal>(line.height(), 1);
                const bool newColumn = rect.top() < line.top() - height / 2;
                const bool gap = rect.top() - line.bottom() > height * 0.8;
                out += (newColumn || gap) ? QStringLiteral("\n\n") : QStringLiteral("\n");
                line = QRectF();
            }
        }
        out += box->text();
        line = line.isNull() ? rect : line.united(rect);
        previous = box.get();
    }
    return out;
}

// ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ as their letters; returns whether there were any.
bool expandLigatures(QString &text)
{
    static const char *const letters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    bool any = false;
    for (char16_t c = 0xFB00; c <= 0xFB06; ++c) {
        if (text.contains(QChar(c))) {
            text.replace(QChar(c), QLatin1StringView(letters[c - 0xFB00]));
            any = true;
        }
    }
    return any;
}

SourceImport importPdf(const QByteArray &bytes, const QString &path)
{
    SourceImport result;
    result.kind = SourceImport::Kind::Pdf;
    Poppler::setDebugErrorFunction(quietPoppler, QVariant());
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
    if (!doc) {
        result.error = QStringLiteral("%1 is not a PDF this app can read: it is damaged or not a PDF at all. If it "
                                      "opens in a PDF viewer, print it from there to a new PDF and import that.")
                           .arg(shown(path));
        return result;
    }
    if (doc->isLocked()) {
        result.error = QStringLiteral("%1 is locked with a password. Open it in a PDF viewer with its password, save "
                                      "a copy without one, and import that.")
                           .arg(shown(path));
        return result;
    }
    const int pages = doc->numPages();
    if (pages <= 0) {
        result.error = QStringLiteral("%1 has no pages: it is damaged. If it opens in a PDF viewer, print it from "
                                      "there to a new PDF and import that.")
                           .arg(shown(path));
        return result;
    }
    QStringList pageTexts;
    QList<int> empty;
    bool ligatures = false;
    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<Poppler::Page> page = doc->page(i);
        QString text = page ? pageText(*page) : QString();
        text = withUnixLineBreaks(std::move(text));
        text.replace(QLatin1Char('\f'), QLatin1Char('\n')); // a form feed means a new page, and only that
        ligatures = expandLigatures(text) || ligatures;
        if (text.trimmed().isEmpty()) {
            empty << i + 1;
        }
        pageTexts << text;
    }
    result.pageCount = pages;
    if (empty.size() == pages) {
        result.error
            = QStringLiteral("%1 has %2 but no text layer: it is probably scanned images. Run it through "
                             "OCR (for example ocrmypdf, or your PDF editor's text recognition) and import "
                             "the result.")
                  .arg(shown(path), pages == 1 ? QStringLiteral("1 page") : QStringLiteral("%1 pages").arg(pages));
        return result;
    }
    if (!empty.isEmpty()) {
        QStringList numbers;
        for (int p : std::as_const(empty)) {
            numbers << QString::number(p);
        }
        result.notes << QStringLiteral("%1 %2 no text (scanned images?): what they show is not in the text.")
                            .arg(empty.size() == 1 ? QStringLiteral("Page") : QStringLiteral("Pages"),
                                 numbers.join(QStringLiteral(", "))
                                     + (empty.size() == 1 ? QStringLiteral(" has") : QStringLiteral(" have")));
    }
    result.source.text = pageTexts.join(QLatin1Char('\f'));
    if (ligatures) {
        result.notes << QStringLiteral("Ligatures (\ufb01, \ufb02, \ufb03\u2026) are written as their letters, so "
                                       "that \u201cofficials\u201d reads as it is spelled.");
    }
    result.source.title = doc->info(QStringLiteral("Title")).simplified();
    result.notes << QStringLiteral("%1; a form feed between pages keeps their numbers.")
                        .arg(pages == 1 ? QStringLiteral("1 page") : QStringLiteral("%1 pages").arg(pages));
    if (!result.source.title.isEmpty()) {
        result.notes << QStringLiteral("Title from the PDF's document information.");
    }
    return result;
}

} // namespace SourceImporting

QString kindName(SourceImport::Kind kind)
{
    switch (kind) {
    case SourceImport::Kind::Text:
        return QStringLiteral("text");
    case SourceImport::Kind::Markdown:
        return QStringLiteral("Markdown");
    case SourceImport::Kind::Html:
        return QStringLiteral("HTML");
    case SourceImport::Kind::Pdf:
        return QStringLiteral("PDF");
    case SourceImport::Kind::Pasted:
        return QStringLiteral("pasted text");
    }
    return {};
}

qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const quint8 b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        quint8 low = 0x80;
        quint8 high = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0) {
                low = 0xA0; // no overlong forms
            } else if (b == 0xED) {
                high = 0x9F; // no surrogates
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0) {
                low = 0x90;
            } else if (b == 0xF4) {
                high = 0x8F; // nothing past U+10FFFF
            }
        } else {
            return i;
        }
        if (i + length > n) {
            return i;
        }
        if (p[i + 1] < low || p[i + 1] > high) {
            return i;
        }
        for (int k = 2; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return i;
            }
        }
        i += length;
    }
    return -1;
}

QString withUnixLineBreaks(QString text)
{
    if (text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
        text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    }
    return text;
}

SourceImport::Kind recogniseKind(QByteArrayView head, const QString &fileName)
{
    head = head.first(std::min<qsizetype>(head.size(), SourceImporting::SniffBytes));
    if (head.indexOf("%PDF-") >= 0) {
        return SourceImport::Kind::Pdf;
    }
    QByteArray lower = head.toByteArray().toLower();
    // UTF-16 pages: look at the bytes without their zeros.
    if (lower.startsWith("\xff\xfe") || lower.startsWith("\xfe\xff")) {
        lower.removeIf([](char c) { return c == '\0'; });
    }
    if (lower.indexOf("<!doctype html") >= 0 || lower.indexOf("<html") >= 0) {
        return SourceImport::Kind::Html;
    }
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1StringView("pdf")) {
        return SourceImport::Kind::Pdf;
    }
    if (suffix == QLatin1StringView("html") || suffix == QLatin1StringView("htm")
        || suffix == QLatin1StringView("xhtml")) {
        return SourceImport::Kind::Html;
    }
    if (suffix == QLatin1StringView("md") || suffix == QLatin1StringView("markdown")) {
        return SourceImport::Kind::Markdown;
    }
    return SourceImport::Kind::Text;
}

SourceImport importSourceFile(const QString &path, QDate today)
{
    using namespace SourceImporting;
    QByteArray head;
    {
        QFile probe(path);
        if (QFileInfo(path).isFile() && probe.open(QIODevice::ReadOnly)) {
            head = probe.read(SniffBytes);
        }
    }
    const SourceImport::Kind kind = recogniseKind(head, path);
    QByteArray bytes;
    QString error;
    if (!readFile(path, kind == SourceImport::Kind::Pdf ? MaxPdfFileBytes : CaseReader::MaxSourceFileBytes, &bytes,
                  &error)) {
        return failure(kind, error);
    }
    SourceImport result;
    result.kind = kind;
    switch (kind) {
    case SourceImport::Kind::Pdf:
        result = importPdf(bytes, path);
        break;
    case SourceImport::Kind::Html: {
        QString html;
        if (!decodeHtml(bytes, path, &html, &result.error, &result.notes)) {
            return result;
        }
        HtmlExtract extract = extractHtml(html);
        result.source.text = std::move(extract.text);
        result.source.title = extract.title;
        result.source.publisher = extract.publisher;
        result.source.url = extract.url;
        result.source.published = extract.published;
        result.notes << extract.notes;
        break;
    }
    case SourceImport::Kind::Text:
    case SourceImport::Kind::Markdown:
    case SourceImport::Kind::Pasted: {
        QString text;
        if (!decodeText(bytes, path, &text, &result.error, &result.notes)) {
            return result;
        }
        result.source.text = withUnixLineBreaks(std::move(text));
        if (kind == SourceImport::Kind::Markdown) {
            result.notes << QStringLiteral("Markdown is kept as written: the marks are part of the text.");
        }
        break;
    }
    }
    finish(result, shown(path), today);
    return result;
}

SourceImport importPastedText(const QString &text, QDate today)
{
    SourceImport result;
    result.kind = SourceImport::Kind::Pasted;
    QString t = withUnixLineBreaks(text);
    if (t.startsWith(QChar(0xFEFF))) {
        t.remove(0, 1);
    }
    result.source.text = std::move(t);
    SourceImporting::finish(result, QStringLiteral("The pasted text"), today);
    return result;
}

int pageAtCodePoint(const QString &text, qint64 codePoint)
{
    if (!text.contains(QLatin1Char('\f'))) {
        return 0;
    }
    int page = 1;
    qint64 cp = 0;
    for (qsizetype i = 0; i < text.size() && cp < codePoint; ++i, ++cp) {
        if (text[i] == QLatin1Char('\f')) {
            ++page;
        } else if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
        }
    }
    return page;
}

} // namespace AT
