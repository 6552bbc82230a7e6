// Arabic, Chinese and Russian in every export: no glyph missing, right-to-left text in logical order
// and isolated from the words around it.
#include "casereader.h"
#include "casesession.h"
#include "exporter.h"

#include <QFile>
#include <QImage>
#include <QRawFont>
#include <QRegularExpression>
#include <QTest>
#include <QTextLayout>

using namespace AT;

namespace {
struct Run
{
    QString text;
    QFont font;
    QPointF at;
};

// Glyphs a run needs that no installed font has (each shown as an empty box).
QString missingGlyphs(const Run &run)
{
    // The isolates we add are invisible controls, not characters that need a glyph.
    const QString text = QString(run.text).remove(QRegularExpression(QStringLiteral("[\\x{2066}-\\x{2069}]")));
    QTextLayout layout(text, run.font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    QString missing;
    for (const QGlyphRun &g : layout.glyphRuns()) {
        for (quint32 index : g.glyphIndexes()) {
            if (index == 0) {
                missing += QStringLiteral("[%1 in %2]").arg(text, g.rawFont().familyName());
            }
        }
    }
    return missing;
}
} // namespace

class tst_NonLatin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyExport_data();
    void everyExport();
    void creditLineKeepsRightToLeftTitlesApart();
    void caseTextCannotBreakOutOfItsIsolate();

private:
    QList<Run> runsOf(const QString &name) { return runsOf(m_session, name); }
    static QList<Run> runsOf(CaseSession &session, const QString &name);
    CaseSession m_session;
};

void tst_NonLatin::initTestCase()
{
    const CaseLoad load = CaseReader::readFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/nonlatin.json"));
    QVERIFY(load.ok());
    QVERIFY(load.problems.isEmpty());
    m_session.setCase(std::make_shared<const Case>(load.kase));
}

QList<Run> tst_NonLatin::runsOf(CaseSession &session, const QString &name)
{
    Exporter exporter(&session);
    QList<Run> runs;
    ExportOptions options;
    options.size = QSize(1200, 675);
    options.textObserver = [&](const QString &text, const QFont &font, const QPointF &at) {
        runs.append({text, font, at});
    };
    QString error;
    if (exporter.render(name, QStringLiteral("svg"), options, &error).isEmpty()) {
        qWarning("%s", qPrintable(error));
    }
    return runs;
}

void tst_NonLatin::everyExport_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : Exporter::names()) {
        QTest::newRow(qPrintable(name)) << name;
    }
}

void tst_NonLatin::everyExport()
{
    QFETCH(QString, name);
    const QList<Run> runs = runsOf(name);
    QVERIFY(!runs.isEmpty());
    QString all;
    for (const Run &run : runs) {
        QVERIFY2(missingGlyphs(run).isEmpty(), qPrintable(missingGlyphs(run)));
        all += run.text;
    }
    // Every script reaches the picture, right-to-left runs in logical (stored) order.
    QVERIFY2(all.contains(QStringLiteral("مقتطف مترجم")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("译文摘录")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Переведённый отрывок")), qPrintable(all));
    if (name == QLatin1String("timeline")) {
        QVERIFY(all.contains(QStringLiteral("استهداف لجنة الانتخابات")));
        QVERIFY(all.contains(QStringLiteral("起诉了七名被指控的中国黑客")));
        QVERIFY(all.contains(QStringLiteral("разведка против")));
    }

    // The other formats draw the same runs with the same fonts: PNG is not blank, PDF embeds them.
    Exporter exporter(&m_session);
    ExportOptions options;
    options.size = QSize(1200, 675);
    options.scale = 1;
    QString error;
    const QByteArray pdf = exporter.render(name, QStringLiteral("pdf"), options, &error);
    QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(error));
    QVERIFY(pdf.contains("/FontFile2") || pdf.contains("/FontFile3"));
    QVERIFY(pdf.contains("/ToUnicode"));
    const QImage png = QImage::fromData(exporter.render(name, QStringLiteral("png"), options, &error), "PNG");
    QCOMPARE(png.size(), QSize(1200, 675));
}

void tst_NonLatin::creditLineKeepsRightToLeftTitlesApart()
{
    // "Sources: “ARABIC TITLE”, ARABIC PUBLISHER; …": without isolation the bidi algorithm joins
    // title and publisher into one right-to-left run and prints the publisher first (to the left).
    const QList<Run> runs = runsOf(QStringLiteral("timeline"));
    auto xOf = [&](const QString &what) {
        for (const Run &r : runs) {
            if (r.text.contains(what)) {
                return r.at.x();
            }
        }
        return -1.0;
    };
    const double sources = xOf(QStringLiteral("Sources:"));
    const double title = xOf(QStringLiteral("مقتطف مترجم"));
    const double publisher = xOf(QStringLiteral("ناشر تجريبي"));
    const double chinese = xOf(QStringLiteral("测试出版者"));
    QVERIFY(sources >= 0 && title >= 0 && publisher >= 0 && chinese >= 0);
    QVERIFY2(sources < title && title < publisher && publisher < chinese,
             qPrintable(QStringLiteral("%1 %2 %3 %4").arg(sources).arg(title).arg(publisher).arg(chinese)));
}

void tst_NonLatin::caseTextCannotBreakOutOfItsIsolate()
{
    // A title that closes the isolate around it (U+2069) and then overrides the direction (U+202E)
    // would reverse the words after it; its own controls are dropped, so they stay in order.
    const CaseLoad load = CaseReader::readFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/nonlatin.json"));
    Case kase = load.kase;
    kase.title = QStringLiteral("x\u2069\u202Eyz");
    CaseSession session;
    session.setCase(std::make_shared<const Case>(std::move(kase)));
    const QList<Run> runs = runsOf(session, QStringLiteral("events-per-actor"));
    QVERIFY(!runs.isEmpty());
    for (const Run &r : runs) {
        QVERIFY2(!r.text.contains(QChar(0x202E)), qPrintable(r.text));
    }
    // "3 of 3 events · xyz": the subtitle keeps its words in order, left to right.
    double events = -1;
    double title = -1;
    for (const Run &r : runs) {
        if (r.text.contains(QStringLiteral("events"))) {
            events = r.at.x();
        }
        if (r.text.contains(QStringLiteral("xyz"))) {
            title = r.at.x();
        }
    }
    QVERIFY(events >= 0 && title > events);
}

QTEST_MAIN(tst_NonLatin)
#include "tst_nonlatin.moc"
