#include "displayoffsets.h"

#include <QTest>
#include <QTextDocument>

using namespace AT;

// Checked against what QTextDocument itself makes of the text, so a break it folds that the
// mapping does not know of fails here, not in the reader.
class tst_DisplayOffsets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crlfFoldsIntoOnePosition();
    void matchesTheDocument_data();
    void matchesTheDocument();
};

void tst_DisplayOffsets::crlfFoldsIntoOnePosition()
{
    // "a\r\nb\r\nc": the document holds a, break, b, break, c.
    const DisplayOffsets map(QStringLiteral("a\r\nb\r\nc"));
    const qint64 display[] = {0, 1, 2, 2, 3, 4, 4, 5};
    for (qint64 s = 0; s <= 7; ++s) {
        QCOMPARE(map.toDisplay(s), display[s]);
    }
    const qint64 stored[] = {0, 1, 3, 4, 6, 7};
    for (qint64 d = 0; d <= 5; ++d) {
        QCOMPARE(map.toStored(d), stored[d]);
    }
    QCOMPARE(map.toDisplay(-1), -1);
    QCOMPARE(map.toStored(-1), -1);
    const DisplayOffsets none(QStringLiteral("a\rb\nc"));
    for (qint64 s = 0; s <= 5; ++s) {
        QCOMPARE(none.toDisplay(s), s);
        QCOMPARE(none.toStored(s), s);
    }
}

void tst_DisplayOffsets::matchesTheDocument_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("no breaks") << QStringLiteral("plain text");
    QTest::newRow("crlf") << QStringLiteral("one\r\ntwo\r\n\r\nthree");
    QTest::newRow("lone cr") << QStringLiteral("one\rtwo\r\rthree");
    QTest::newRow("lf") << QStringLiteral("one\ntwo\n");
    QTest::newRow("cr cr lf") << QStringLiteral("a\r\r\nb\n\r\nc\r");
    QTest::newRow("crlf at both ends") << QStringLiteral("\r\nmiddle\r\n");
    QTest::newRow("u2028") << QStringLiteral("one\u2028two\r\nthree");
    QTest::newRow("u2029") << QStringLiteral("one\u2029two\r\nthree");
    QTest::newRow("astral") << QStringLiteral("\U0001F600\r\n\U0001F4F0 news\r\n\U0001F600");
    QTest::newRow("frame markers") << QStringLiteral("a\uFDD0b\r\nc\uFDD1d");
    QTest::newRow("mixed") << QStringLiteral("t\u00e9l\u00e9\r\nvision\r\u2029x\n\u2028\r\n\U0001F600\r\ny");
}

void tst_DisplayOffsets::matchesTheDocument()
{
    QFETCH(QString, text);
    QTextDocument doc;
    doc.setPlainText(text);
    const DisplayOffsets map(text);
    const qint64 n = text.size();
    const qint64 shown = doc.characterCount() - 1; // without the document's final block break
    QCOMPARE(map.toDisplay(n), shown);
    auto isBreak = [](QChar c) {
        return c == u'\r' || c == u'\n' || c == QChar::ParagraphSeparator || c == QChar(0xFDD0) || c == QChar(0xFDD1);
    };
    for (qint64 s = 0; s < n; ++s) {
        const bool lfOfPair = text[s] == u'\n' && s > 0 && text[s - 1] == u'\r';
        if (lfOfPair) {
            // Inside a folded pair: the position after it.
            QCOMPARE(map.toDisplay(s), map.toDisplay(s + 1));
            continue;
        }
        // Every other unit of the text stands at its mapped position, breaks as block breaks.
        const QChar expected = isBreak(text[s]) ? QChar(QChar::ParagraphSeparator) : text[s];
        QCOMPARE(doc.characterAt(static_cast<int>(map.toDisplay(s))), expected);
        QCOMPARE(map.toStored(map.toDisplay(s)), s);
    }
    for (qint64 d = 0; d <= shown; ++d) {
        QCOMPARE(map.toDisplay(map.toStored(d)), d);
    }
    QCOMPARE(map.toStored(shown), n);
}

QTEST_MAIN(tst_DisplayOffsets)
#include "tst_displayoffsets.moc"
