#include "casegenerator.h"
#include "casereader.h"
#include "casesession.h"
#include "chartmodel.h"
#include "chartpanel.h"
#include "csvexport.h"
#include "exporter.h"
#include "testcases.h"

#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace AT;

namespace {
// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records, embedded newlines.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QStringList svgTexts(const QByteArray &svg, bool *wellFormed)
{
    QXmlStreamReader xml(svg);
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
        }
    }
    *wellFormed = !xml.hasError();
    return texts;
}
} // namespace

class tst_Exporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void names();
    void png_data();
    void png();
    void svgKeepsTextAsText();
    void longCreditLineIsCounted();
    void pdf();
    void csvRoundTrips();
    void chartsFollowTheFilter();
    void badTargets();
    void failedWriteLeavesNoPartialFile();

private:
    CaseSession *m_session = nullptr;
    Exporter *m_exporter = nullptr;
};

void tst_Exporter::init()
{
    m_session = new CaseSession;
    m_session->setCase(Test::builtinCase());
    m_exporter = new Exporter(m_session);
}

void tst_Exporter::cleanup()
{
    delete m_exporter;
    delete m_session;
}

void tst_Exporter::names()
{
    QCOMPARE(Exporter::names(),
             (QStringList {QStringLiteral("timeline"), QStringLiteral("events-per-year"),
                           QStringLiteral("events-per-actor"), QStringLiteral("sources-per-event"),
                           QStringLiteral("claims-by-attributor"), QStringLiteral("actor-activity")}));
    QCOMPARE(Exporter::formatOf(QStringLiteral("a/b.SVG")), QStringLiteral("svg"));
    QCOMPARE(Exporter::formatOf(QStringLiteral("b.gif")), QString());
}

void tst_Exporter::png_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::newRow("timeline 1080p at 2x") << QStringLiteral("timeline") << QSize(1920, 1080) << 2.0;
    QTest::newRow("timeline small at 1x") << QStringLiteral("timeline") << QSize(800, 600) << 1.0;
    for (const QString &chart : Exporter::names().mid(1)) {
        QTest::newRow(qPrintable(chart)) << chart << QSize(1200, 800) << 1.0;
    }
}

void tst_Exporter::png()
{
    QFETCH(QString, name);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    ExportOptions options;
    options.size = size;
    options.scale = scale;
    QString error;
    const QByteArray bytes = m_exporter->render(name, QStringLiteral("png"), options, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    QImage image;
    QVERIFY(image.loadFromData(bytes, "PNG"));
    QCOMPARE(image.size(), size * scale);
    // Not blank: many pixels far from white, in several tones.
    int dark = 0;
    QSet<QRgb> tones;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            const QColor c = image.pixelColor(x, y);
            dark += c.lightness() < 128 ? 1 : 0;
            tones.insert(c.rgb());
        }
    }
    QVERIFY2(dark > 200, qPrintable(QString::number(dark)));
    QVERIFY(tones.size() > 20);
}

void tst_Exporter::svgKeepsTextAsText()
{
    ExportOptions options;
    QString error;
    const QByteArray svg = m_exporter->render(QStringLiteral("timeline"), QStringLiteral("svg"), options, &error);
    QVERIFY2(!svg.isEmpty(), qPrintable(error));
    bool wellFormed = false;
    const QStringList texts = svgTexts(svg, &wellFormed);
    QVERIFY(wellFormed);
    // Title, event labels, axis labels and the credit line are text, not paths.
    QVERIFY(texts.contains(QStringLiteral("APT31: US and UK accusations and sanctions, March 2024")));
    QVERIFY(texts.contains(QStringLiteral("UK summons the Chinese Ambassador")));
    QVERIFY(texts.contains(QStringLiteral("2021")));
    QVERIFY(std::any_of(texts.cbegin(), texts.cend(),
                        [](const QString &t) { return t.startsWith(QStringLiteral("Sources:")); }));
    QVERIFY(svg.size() < 5 * 1024 * 1024);
    const QByteArray chart
        = m_exporter->render(QStringLiteral("events-per-actor"), QStringLiteral("svg"), options, &error);
    QVERIFY(svgTexts(chart, &wellFormed).contains(QStringLiteral("APT31")));
    QVERIFY(wellFormed);
}

void tst_Exporter::longCreditLineIsCounted()
{
    // Forty cited sources: the first twelve are named, the rest counted, so the picture stays.
    CaseSession session;
    session.setCase(std::make_shared<const Case>(
        CaseReader::readData(generateCase({300, 2, 40, 40}), QStringLiteral("g"), {}).kase));
    QSet<qint32> cited;
    for (qsizetype e : session.visibleEvents()) {
        for (qint32 s : session.index().eventSources(e)) {
            cited.insert(s);
        }
    }
    QVERIFY(cited.size() > 12);
    Exporter exporter(&session);
    QString error;
    const QByteArray svg = exporter.render(QStringLiteral("timeline"), QStringLiteral("svg"), {}, &error);
    bool wellFormed = false;
    const QString text = svgTexts(svg, &wellFormed).join(QLatin1Char(' '));
    QVERIFY(wellFormed);
    QVERIFY2(text.contains(QStringLiteral("and %1 more (listed in the case file)").arg(cited.size() - 12)),
             qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("\u201cReport ")), 12);
}

void tst_Exporter::pdf()
{
    ExportOptions options;
    QString error;
    for (const QString &name : {QStringLiteral("timeline"), QStringLiteral("actor-activity")}) {
        const QByteArray pdf = m_exporter->render(name, QStringLiteral("pdf"), options, &error);
        QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(error));
        QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);
        QVERIFY(pdf.contains("/Title"));
    }
}

void tst_Exporter::csvRoundTrips()
{
    EventFilter f;
    f.text = QStringLiteral("sanction");
    m_session->selection()->setFilter(f);
    QString error;
    const QByteArray csv = m_exporter->render(QStringLiteral("timeline"), QStringLiteral("csv"), {}, &error);
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv));
    QCOMPARE(rows.size(), m_session->visibleEvents().size() + 1);
    QCOMPARE(rows[0],
             (QStringList {QStringLiteral("date"), QStringLiteral("precision"), QStringLiteral("start"),
                           QStringLiteral("end"), QStringLiteral("title"), QStringLiteral("category"),
                           QStringLiteral("actors"), QStringLiteral("sources"), QStringLiteral("quotes")}));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), 9);
        const Event &e = m_session->kase().events[m_session->visibleEvents()[i - 1]];
        QCOMPARE(rows[i][0], e.date.toDisplayString());
        QCOMPARE(rows[i][4], e.title); // commas and quotes survive the round trip
        QVERIFY(rows[i][8].contains(e.citations.first().quote));
    }
    QCOMPARE(csvField(QStringLiteral("a,\"b\"\nc")), QStringLiteral("\"a,\"\"b\"\"\nc\""));
}

void tst_Exporter::chartsFollowTheFilter()
{
    ChartPanel panel(m_session);
    const int before = panel.models().at(1)->rowCount(); // events per actor
    EventFilter f;
    f.categories = {QStringLiteral("denial")};
    m_session->selection()->setFilter(f);
    QVERIFY(panel.models().at(1)->rowCount() < before);
    QVERIFY(panel.chartView()->chart());
    // A click on a bar filters every view to it: here, the year 2021 of the per-year chart.
    m_session->selection()->setFilter({});
    panel.setKind(int(ChartModel::Kind::EventsPerYear));
    ChartModel *perYear = panel.models().at(0);
    int row2021 = -1;
    for (int r = 0; r < perYear->rowCount(); ++r) {
        if (perYear->headerData(r, Qt::Vertical).toString() == QLatin1String("2021")) {
            row2021 = r;
        }
    }
    QVERIFY(row2021 >= 0);
    panel.filterToRow(row2021);
    QCOMPARE(m_session->selection()->filter().fromDay, QDate(2021, 1, 1).toJulianDay());
    for (qsizetype e : m_session->visibleEvents()) {
        QVERIFY(m_session->kase().events[e].date.overlaps(PartialDate(DatePoint::fromYear(2021))));
    }
}

void tst_Exporter::badTargets()
{
    QString error;
    QVERIFY(!m_exporter->exportTo(QStringLiteral("timeline"), QStringLiteral("/nonexistent-folder/t.png"), {}, &error));
    QVERIFY2(error.startsWith(QStringLiteral("/nonexistent-folder/t.png: cannot write")), qPrintable(error));
    QVERIFY(!m_exporter->exportTo(QStringLiteral("timeline"), QStringLiteral("/tmp/t.gif"), {}, &error));
    QCOMPARE(error, QStringLiteral("/tmp/t.gif: unknown file type; name it .png, .svg, .pdf or .csv"));
    QVERIFY(!m_exporter->exportTo(QStringLiteral("nothing"), QStringLiteral("/tmp/t.png"), {}, &error));
    QVERIFY(error.contains(QStringLiteral("there is no export named \"nothing\"")));
    ExportOptions tiny;
    tiny.size = QSize(10, 10);
    QVERIFY(!m_exporter->exportTo(QStringLiteral("timeline"), QStringLiteral("/tmp/t.png"), tiny, &error));
    QVERIFY(error.contains(QStringLiteral("out of range")));
}

void tst_Exporter::failedWriteLeavesNoPartialFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeline.png"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("an earlier export");
    old.close();
    // A disk that fills up mid-write.
    QString error;
    const bool ok = Test::withFileSizeLimit(
        1024, [&] { return m_exporter->exportTo(QStringLiteral("timeline"), path, {}, &error); });
    QVERIFY(!ok);
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("an earlier export"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("timeline.png")});
}

QTEST_MAIN(tst_Exporter)
#include "tst_exporter.moc"
