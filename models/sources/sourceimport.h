#pragma once

#include "casedata.h"

#include <QByteArrayView>
#include <QDate>
#include <QStringList>

namespace AT {

// A source brought into a case from a file or from pasted text: the text as it will be stored and
// cited, and only the metadata the file itself gives. The source has no id yet (the case gives it
// one) and is embedded (no path).
struct SourceImport
{
    enum class Kind { Text, Markdown, Html, Pdf, Pasted };

    Source source;
    Kind kind = Kind::Text;
    QStringList notes; // where the text and metadata came from, for the journalist
    QString error; // empty on success; else what went wrong, where, and what to do
    int pageCount = 0; // PDFs: the number of pages (the text has a form feed between pages)

    bool ok() const { return error.isEmpty(); }
};

QString kindName(SourceImport::Kind kind);

// Reads a .txt, .md, .html or .pdf file. The kind is recognised by the content first ("%PDF-",
// "<!doctype html" or "<html" near the start) and by the extension second; anything else is read
// as plain text.
// - Text and Markdown: strict UTF-8 (a UTF-8 byte-order mark is dropped; UTF-16 with a byte-order
//   mark is read too), line breaks made LF; Markdown is kept as written.
// - HTML: the main text and metadata (htmltext.h), in the character set the page declares (UTF-8
//   when it declares none).
// - PDF: the text of each page through Poppler, pages joined by a form feed (as pdftotext does),
//   so pageAtCodePoint() can say on which page a citation is; the title from the document's information.
// Every import: sha256 of the text, `retrieved` = `today`, title, publisher, URL and publication date
// only as the file gives them. The text may be at most CaseReader::MaxSourceFileBytes of UTF-8.
SourceImport importSourceFile(const QString &path, QDate today = QDate::currentDate());

// Pasted text: line breaks made LF, a leading byte-order mark dropped; no metadata but `retrieved`.
SourceImport importPastedText(const QString &text, QDate today = QDate::currentDate());

// The kind importSourceFile() reads a file as, from its first bytes and its name.
SourceImport::Kind recogniseKind(QByteArrayView head, const QString &fileName);

// The page of a text made from a PDF at a position counted in code points (a citation's start):
// 1 + the form feeds before it; 0 when the text has no form feed (it has no pages). pageAt() of
// citationcopy.h counts the same from a UTF-16 offset, and says 1 for a text without pages.
int pageAtCodePoint(const QString &text, qint64 codePoint);

// The byte offset of the first byte that is not part of a well-formed UTF-8 character (overlong
// forms, surrogates and code points past U+10FFFF are not), or -1 when all of it is UTF-8.
qsizetype firstInvalidUtf8(QByteArrayView bytes);

// CR LF and lone CR become LF.
QString withUnixLineBreaks(QString text);

} // namespace AT
