#include "casegenerator.h"
#include "caseindex.h"
#include "casemodels.h"
#include "casereader.h"
#include "casesession.h"
#include "casewriter.h"
#include "chartmodel.h"
#include "chartpanel.h"
#include "csvexport.h"
#include "exporter.h"
#include "testcases.h"

#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cmath>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace AT;

namespace {

// The names of every element of an SVG, and the text of its <title>; empty names when ill-formed.
QStringList svgElements(const QByteArray &svg, QString *title = nullptr, QString *error = nullptr)
{
    QXmlStreamReader xml(svg);
    QStringList names;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            names << xml.name().toString();
            if (title && xml.name() == QLatin1String("title")) {
                *title = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                names << QStringLiteral("/title");
            }
        }
    }
    if (xml.hasError()) {
        if (error) {
            *error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
        }
        return {};
    }
    return names;
}

// Renders an SVG export and returns the runs of text it outlined, each simplified.
QStringList outlinedTexts(Exporter &exporter, const QString &name, QByteArray *svg = nullptr,
                          QList<QPair<QString, QFont>> *runs = nullptr)
{
    QStringList texts;
    ExportOptions options;
    options.textObserver = [&](const QString &text, const QFont &font, const QPointF &) {
        // Without the bidi isolates the exporter puts around case text.
        texts << text.simplified().remove(QRegularExpression(QStringLiteral("[\u2066-\u2069]")));
        if (runs) {
            runs->append({text, font});
        }
    };
    QString error;
    const QByteArray bytes = exporter.render(name, QStringLiteral("svg"), options, &error);
    if (svg) {
        *svg = bytes;
    }
    return texts;
}

// The elements QSvgGenerator writes for shapes, images and gradients; anything else in an export
// could only have come from the case.
const QStringList SvgVocabulary
    = {QStringLiteral("svg"),     QStringLiteral("title"),          QStringLiteral("/title"),
       QStringLiteral("desc"),    QStringLiteral("defs"),           QStringLiteral("g"),
       QStringLiteral("path"),    QStringLiteral("rect"),           QStringLiteral("polyline"),
       QStringLiteral("polygon"), QStringLiteral("line"),           QStringLiteral("ellipse"),
       QStringLiteral("circle"),  QStringLiteral("image"),          QStringLiteral("linearGradient"),
       QStringLiteral("stop"),    QStringLiteral("radialGradient"), QStringLiteral("conicalGradient")};

// Markup, ampersands, quotes and control characters in every field that reaches an export.
QByteArray hostileCase()
{
    QFile f(QStringLiteral(AT_SOURCE_DIR "/tests/data/hostile-markup.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
    void svgOutlinesText();
    void caseTextIsNeverMarkup_data();
    void caseTextIsNeverMarkup();
    void csvNeutralisesFormulas();
    void refusesTargetsThatAreNotFiles();
    void refusesOutOfRangeSizes();
    void diskFullIsReported();
    void longCreditLineIsCounted();
    void pdf();
    void csvRoundTrips();
    void csvSaysWhichEndIsApproximate();
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

void tst_Exporter::svgOutlinesText()
{
    QByteArray svg;
    const QStringList texts = outlinedTexts(*m_exporter, QStringLiteral("timeline"), &svg);
    QString title;
    QString error;
    const QStringList elements = svgElements(svg, &title, &error);
    QVERIFY2(!elements.isEmpty(), qPrintable(error));
    // Title, event labels, axis labels and the credit line are drawn, as outlines, not as text.
    QVERIFY(!elements.contains(QStringLiteral("text")));
    QVERIFY(elements.count(QStringLiteral("path")) > 20);
    QCOMPARE(title, QStringLiteral("APT31: US and UK accusations and sanctions, March 2024"));
    QVERIFY(texts.contains(QStringLiteral("APT31: US and UK accusations and sanctions, March 2024")));
    QVERIFY(texts.contains(QStringLiteral("Compromise of the UK Electoral Commission")));
    QVERIFY(texts.contains(QStringLiteral("2021")));
    QVERIFY(std::any_of(texts.cbegin(), texts.cend(),
                        [](const QString &t) { return t.startsWith(QStringLiteral("Sources")); }));
    QVERIFY(svg.size() < 5 * 1024 * 1024);
    const QStringList chart = outlinedTexts(*m_exporter, QStringLiteral("events-per-actor"), &svg);
    QVERIFY(chart.contains(QStringLiteral("APT31")));
    QVERIFY(!svgElements(svg).isEmpty());
}

void tst_Exporter::caseTextIsNeverMarkup_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("format");
    for (const QString &name : Exporter::names()) {
        for (const char *format : {"svg", "pdf", "png", "csv"}) {
            QTest::newRow(qPrintable(name + QLatin1Char(' ') + QLatin1String(format)))
                << name << QString::fromLatin1(format);
        }
    }
}

void tst_Exporter::caseTextIsNeverMarkup()
{
    QFETCH(QString, name);
    QFETCH(QString, format);
    const auto kase = Test::loadCase(hostileCase());
    QVERIFY(kase);
    CaseSession session;
    session.setCase(kase);
    Exporter exporter(&session);
    ExportOptions options;
    options.size = QSize(1200, 675);
    options.scale = 1;
    QElapsedTimer timer;
    timer.start();
    QString error;
    const QByteArray bytes = exporter.render(name, format, options, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    // An <img> naming /dev/zero or a FIFO would make this take for ever or run out of memory.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    if (format == QLatin1String("svg")) {
        QString title;
        const QStringList elements = svgElements(bytes, &title, &error);
        QVERIFY2(!elements.isEmpty(), qPrintable(error));
        for (const QString &e : elements) {
            QVERIFY2(SvgVocabulary.contains(e), qPrintable(e));
        }
        QCOMPARE(title, QStringLiteral("US & UK </title><script>alert(1)</script> \"sanctions\" \uFFFD\uFFFD[2J"));
        QVERIFY(!bytes.contains("<script"));
        QVERIFY(!bytes.contains("file://"));
    } else if (format == QLatin1String("pdf")) {
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(!bytes.contains("file://"));
    } else if (format == QLatin1String("csv")) {
        const QList<QStringList> rows = Test::parseCsv(QString::fromUtf8(bytes));
        // The timeline's two events, or a chart's bars, under a header.
        QVERIFY2(name == QLatin1String("timeline") ? rows.size() == 3 : rows.size() >= 2,
                 qPrintable(QString::number(rows.size())));
        for (const QStringList &row : rows) {
            for (const QString &cell : row) {
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()), qPrintable(cell));
            }
        }
    }
}

void tst_Exporter::csvNeutralisesFormulas()
{
    QCOMPARE(csvField(QStringLiteral("=1+2")), QStringLiteral("'=1+2"));
    QCOMPARE(csvField(QStringLiteral("+1")), QStringLiteral("'+1"));
    QCOMPARE(csvField(QStringLiteral("-1")), QStringLiteral("'-1"));
    QCOMPARE(csvField(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
    QCOMPARE(csvField(QStringLiteral("\t=1")), QStringLiteral("'\t=1"));
    QCOMPARE(csvField(QStringLiteral("\r=1")), QStringLiteral("\"'\r=1\""));
    QCOMPARE(csvField(QStringLiteral("=a,b")), QStringLiteral("\"'=a,b\""));
    QCOMPARE(csvField(QStringLiteral("a=1")), QStringLiteral("a=1"));
    QCOMPARE(csvField(QString()), QString());
}

void tst_Exporter::refusesTargetsThatAreNotFiles()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString linkToNull = dir.filePath(QStringLiteral("null.png"));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), linkToNull));
    const QString folder = dir.filePath(QStringLiteral("folder.svg"));
    QVERIFY(QDir().mkpath(folder));
    for (const QString &path : {fifo, linkToNull, folder}) {
        QString error;
        QVERIFY2(!m_exporter->exportTo(QStringLiteral("timeline"), path, {}, &error), qPrintable(path));
        QVERIFY2(error.startsWith(path + QStringLiteral(": is ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("regular file")), qPrintable(error));
    }
    QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile());
    QVERIFY(QFileInfo(linkToNull).isSymLink());
    QVERIFY(QFileInfo(folder).isDir());
    // The device itself, by its own name: never replaced by a regular file.
    QString error;
    QVERIFY(!writeFileAtomically(QStringLiteral("/dev/null"), "x", &error));
    QCOMPARE(error,
             QStringLiteral("/dev/null: is not a regular file; choose the name of a new or existing regular file"));
    QVERIFY(!QFileInfo(QStringLiteral("/dev/null")).isFile());
}

void tst_Exporter::refusesOutOfRangeSizes()
{
    QString error;
    ExportOptions options;
    // 0.01 used to write a 2x2-pixel picture of nothing.
    for (double scale : {std::nan(""), std::numeric_limits<double>::infinity(), 0.0, -1.0, 0.01, 9.0}) {
        options.scale = scale;
        QVERIFY(m_exporter->render(QStringLiteral("timeline"), QStringLiteral("png"), options, &error).isEmpty());
        QVERIFY2(error.startsWith(QStringLiteral("the scale")), qPrintable(error));
    }
    // 20000x20000 at scale 2 would need 11 GB: refused before anything is allocated.
    options.scale = 2;
    options.size = QSize(20000, 20000);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_exporter->render(QStringLiteral("timeline"), QStringLiteral("png"), options, &error).isEmpty());
    QVERIFY2(error.startsWith(QStringLiteral("20000x20000 at scale 2 is 1600.0 megapixels; PNG exports are limited "
                                             "to 64 megapixels")),
             qPrintable(error));
    QVERIFY(timer.elapsed() < 1000);
    // The largest size that fits renders.
    options.size = QSize(4000, 4000);
    options.scale = 2;
    QVERIFY(!m_exporter->render(QStringLiteral("events-per-year"), QStringLiteral("png"), options, &error).isEmpty());
}

void tst_Exporter::diskFullIsReported()
{
    // A real full disk: a tiny tmpfs. Mounting needs root and a system that allows it.
    QTemporaryDir dir;
    const QByteArray mountPoint = QFile::encodeName(dir.path());
    if (::geteuid() != 0 || ::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0) {
        QSKIP("cannot mount a small tmpfs here (needs root)");
    }
    struct Unmount
    {
        QByteArray path;
        ~Unmount() { ::umount(path.constData()); }
    } unmount {mountPoint};
    for (const char *suffix : {"png", "svg", "pdf", "csv"}) {
        const QString path = dir.filePath(QStringLiteral("timeline.") + QLatin1String(suffix));
        QString error;
        ExportOptions options;
        options.size = QSize(1920, 1080);
        const QString name = QLatin1String(suffix) == QLatin1String("csv") ? QStringLiteral("timeline")
                                                                           : QStringLiteral("events-per-year");
        // CSV of the built-in case is small: pad the disk so that it does not fit either.
        QFile filler(dir.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        filler.write(QByteArray(60 * 1024, 'x'));
        filler.close();
        QVERIFY(!m_exporter->exportTo(name, path, options, &error));
        QVERIFY2(error.contains(QStringLiteral("No space left on device")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("Unknown error")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
        QFile::remove(filler.fileName());
    }
}

void tst_Exporter::longCreditLineIsCounted()
{
    // Forty cited sources: at most twelve are named, the rest counted, so the picture stays.
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
    // Runs break at the isolates around each title and at line ends, so compare without spaces. As
    // many are named as fit the credit line's few lines, and the rest are counted.
    const QString text = outlinedTexts(exporter, QStringLiteral("timeline")).join(QString());
    const qsizetype named = text.count(QStringLiteral("\u201cReport "));
    QVERIFY2(named >= 1 && named <= 12, qPrintable(text));
    QVERIFY2(QString(text)
                 .remove(QLatin1Char(' '))
                 .contains(QStringLiteral("and %1 more sources (listed in the case file)")
                               .arg(cited.size() - named)
                               .remove(QLatin1Char(' '))),
             qPrintable(text));
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
    const QList<QStringList> rows = Test::parseCsv(QString::fromUtf8(csv));
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

// The precision column names the approximate end, and the date column puts "c." before it alone.
void tst_Exporter::csvSaysWhichEndIsApproximate()
{
    auto kase = std::make_shared<Case>(*Test::smallCase());
    Event &campaign = kase->events.last();
    QCOMPARE(campaign.id, QStringLiteral("campaign"));
    campaign.date = PartialDate::range(DatePoint::fromYear(2010), DatePoint::fromDate(2024, 3, 25));
    campaign.date.setApproximate(PartialDate::Approximate::Start);
    const CaseIndex index(kase);
    const QList<QStringList> rows = Test::parseCsv(QString::fromUtf8(eventsToCsv(index, {kase->events.size() - 1})));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1][0], QStringLiteral("c. 2010 \u2013 25 Mar 2024"));
    QCOMPARE(rows[1][1], QStringLiteral("day, approximate start"));
    QCOMPARE(rows[1][2], QStringLiteral("2010"));
    QCOMPARE(rows[1][3], QStringLiteral("2024-03-25"));
}

void tst_Exporter::chartsFollowTheFilter()
{
    CaseModels models(m_session);
    ChartPanel panel(&models);
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
