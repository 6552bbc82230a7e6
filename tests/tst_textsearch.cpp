#include "textsearch.h"

#include <QRandomGenerator>
#include <QTest>

using namespace AT;

// SubstringFinder against QByteArrayView::indexOf, on texts where candidates are frequent: the
// SIMD part tests sixteen positions at a time, so hits near block edges and the tail matter.
class tst_TextSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixed_data();
    void fixed();
    void randomAgainstIndexOf();
};

void tst_TextSearch::fixed_data()
{
    QTest::addColumn<QByteArray>("haystack");
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("expected");
    QTest::newRow("empty needle") << QByteArray("abc") << QByteArray() << 1 << 1;
    QTest::newRow("empty haystack") << QByteArray() << QByteArray("a") << 0 << -1;
    QTest::newRow("needle longer than text") << QByteArray("ab") << QByteArray("abc") << 0 << -1;
    QTest::newRow("one byte") << QByteArray("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy") << QByteArray("y") << 0 << 32;
    QTest::newRow("two bytes at a block edge")
        << QByteArray("aaaaaaaaaaaaaaabaaaaaaaaaaaaaaaa") << QByteArray("ab") << 0 << 14;
    QTest::newRow("first and last byte match, middle does not")
        << QByteArray("nexw net netw") << QByteArray("netw") << 0 << 9;
    QTest::newRow("in the tail") << QByteArray(40, 'z') + "needle" << QByteArray("needle") << 0 << 40;
    QTest::newRow("from skips an earlier hit") << QByteArray("abcabcabc") << QByteArray("abc") << 1 << 3;
    QTest::newRow("from past the end") << QByteArray("abc") << QByteArray("a") << 4 << -1;
    QTest::newRow("UTF-8") << QByteArray("zürich ürich") << QByteArray("ürich") << 2 << 8;
    QTest::newRow("NUL bytes in the text") << QByteArray("ab\0cd\0ab", 8) << QByteArray("cd") << 0 << 3;
}

void tst_TextSearch::fixed()
{
    QFETCH(QByteArray, haystack);
    QFETCH(QByteArray, needle);
    QFETCH(int, from);
    QFETCH(int, expected);
    QCOMPARE(SubstringFinder(needle).indexIn(haystack, from), qsizetype(expected));
}

void tst_TextSearch::randomAgainstIndexOf()
{
    QRandomGenerator random(7);
    const char alphabet[] = "abcn\xC3\xBC";
    for (int round = 0; round < 300; ++round) {
        QByteArray text(static_cast<qsizetype>(random.bounded(0, 200)), Qt::Uninitialized);
        for (char &c : text) {
            c = alphabet[random.bounded(0, 6)];
        }
        for (int k = 0; k < 20; ++k) {
            QByteArray needle;
            if (!text.isEmpty() && random.bounded(2) == 0) {
                const int at = random.bounded(static_cast<int>(text.size()));
                needle = text.mid(at, random.bounded(1, 20));
            } else {
                needle.resize(random.bounded(1, 5));
                for (char &c : needle) {
                    c = alphabet[random.bounded(0, 6)];
                }
            }
            const qsizetype from = random.bounded(static_cast<int>(text.size()) + 1);
            const qsizetype expected = QByteArrayView(text).indexOf(needle, from);
            QCOMPARE(SubstringFinder(needle).indexIn(text, from), expected);
        }
    }
}

QTEST_GUILESS_MAIN(tst_TextSearch)
#include "tst_textsearch.moc"
