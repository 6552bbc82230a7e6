// The composition of every export, at every size a newsroom asks for: no two pieces of text overlap,
// and every event shown is either drawn or listed on the image as not drawn. Checked from the
// exporter's own record (PNG), from the runs of text it outlines (SVG) and from the words poppler
// finds on the printed page (PDF).
#include "casereader.h"
#include "casesession.h"
#include "exporter.h"
#include "selectionstate.h"
#include "testcases.h"

#include <QFontMetricsF>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <numeric>

using namespace AT;

namespace ExportLayoutTest {

const QList<QSize> Sizes
    = {QSize(600, 400), QSize(800, 600), QSize(1080, 1080), QSize(1200, 675), QSize(1920, 1080), QSize(3840, 2160)};

QString describe(const QRectF &r)
{
    return QStringLiteral("(%1,%2 %3x%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

// Two boxes overlap when they share more than a sliver (rounding in metrics and in poppler's boxes).
bool overlap(const QRectF &a, const QRectF &b, double tolerance)
{
    const QRectF i = a.intersected(b);
    return i.width() > tolerance && i.height() > tolerance;
}

struct Box
{
    QString text;
    QRectF rect;
};

// The first pair of boxes that overlap, described; empty when none do.
QString firstOverlap(const QList<Box> &boxes, double tolerance)
{
    for (qsizetype i = 0; i < boxes.size(); ++i) {
        for (qsizetype j = i + 1; j < boxes.size(); ++j) {
            if (overlap(boxes[i].rect, boxes[j].rect, tolerance)) {
                return QStringLiteral("\"%1\" %2 overlaps \"%3\" %4")
                    .arg(boxes[i].text, describe(boxes[i].rect), boxes[j].text, describe(boxes[j].rect));
            }
        }
    }
    return {};
}

QString plain(const QString &text)
{
    return QString(text).remove(QRegularExpression(QStringLiteral("[\\x{2066}-\\x{2069}]")));
}

// What the exporter says it did with the events, checked against the session: every event shown is
// drawn, listed, counted in "and N more" or outside the period, exactly once; the listed ones are on
// the image by date and title; the subtitle claims no more than is drawn. Empty when all holds.
QString checkEvents(const CaseSession &session, const ExportLayout &layout, bool timeline)
{
    QList<qsizetype> all = layout.drawn + layout.listed + layout.counted + layout.outsideWindow;
    std::sort(all.begin(), all.end());
    QList<qsizetype> shown = session.visibleEvents();
    std::sort(shown.begin(), shown.end());
    if (all != shown) {
        return QStringLiteral("%1 events accounted for, %2 shown").arg(all.size()).arg(shown.size());
    }
    if (!timeline) {
        return {};
    }
    QString notDrawn;
    for (const ExportText &t : layout.texts) {
        if (t.kind == ExportText::Kind::NotDrawn) {
            notDrawn += plain(t.text) + QLatin1Char('\n');
        }
    }
    for (qsizetype e : layout.listed) {
        const Event &ev = session.kase().events[e];
        // The title may be elided: its first word and the date suffice to find it.
        const QString start
            = ev.date.toDisplayString() + QStringLiteral(": ") + ev.title.section(QLatin1Char(' '), 0, 0);
        if (!notDrawn.contains(start)) {
            return QStringLiteral("event %1 (%2) is not listed: %3").arg(e).arg(ev.title, notDrawn);
        }
    }
    if (!layout.counted.isEmpty()
        && !notDrawn.contains(QStringLiteral("and %1 more between ").arg(layout.counted.size()))) {
        return QStringLiteral("%1 counted but not said: %2").arg(layout.counted.size()).arg(notDrawn);
    }
    const qsizetype notShown = layout.listed.size() + layout.counted.size();
    if (notShown > 0 && !notDrawn.startsWith(QStringLiteral("Not drawn, or drawn without a label, at this size"))) {
        return QStringLiteral("no \"Not drawn\" heading: ") + notDrawn;
    }
    if (notShown == 0 && !notDrawn.isEmpty()) {
        return QStringLiteral("a \"Not drawn\" block with nothing left out: ") + notDrawn;
    }
    const QString subtitle = plain(layout.subtitle);
    if (notShown > 0
        && !subtitle.contains(
            QStringLiteral("%1 drawn with their titles, the other %2 below").arg(layout.drawn.size()).arg(notShown))) {
        return QStringLiteral("the subtitle claims more than is drawn: ") + subtitle;
    }
    if (notShown == 0 && subtitle.contains(QStringLiteral(" below"))) {
        return QStringLiteral("the subtitle speaks of events not drawn: ") + subtitle;
    }
    // An event counted as drawn has its label on the image: a mark nobody can name is not drawn.
    QSet<QString> labels;
    for (const ExportText &t : layout.texts) {
        if (t.kind == ExportText::Kind::Plot) {
            labels.insert(t.text);
        }
    }
    for (qsizetype e : layout.drawn) {
        if (!labels.contains(session.kase().events[e].title)) {
            return QStringLiteral("event %1 (%2) is counted as drawn but has no label")
                .arg(e)
                .arg(session.kase().events[e].title);
        }
    }
    // Cluster badges ("+N") only with the block that explains them.
    for (const ExportText &t : layout.texts) {
        if (t.kind == ExportText::Kind::Plot && t.text.startsWith(QLatin1Char('+')) && notShown == 0) {
            return QStringLiteral("a cluster badge %1 that nothing explains").arg(t.text);
        }
    }
    return {};
}

// The placed text of one export: inside the composition, none over another, the exporter's own
// text clear of the plot and the plot's inside it.
QString checkTexts(const ExportLayout &layout)
{
    QList<Box> boxes;
    for (const ExportText &t : layout.texts) {
        if (!layout.area.contains(t.rect)) {
            return QStringLiteral("\"%1\" %2 is outside the image").arg(t.text, describe(t.rect));
        }
        const bool inPlot = t.kind == ExportText::Kind::Plot;
        if (inPlot && !layout.plot.adjusted(-0.5, -0.5, 0.5, 0.5).contains(t.rect)) {
            return QStringLiteral("plot text \"%1\" %2 is outside the plot %3")
                .arg(t.text, describe(t.rect), describe(layout.plot));
        }
        if (!inPlot && overlap(t.rect, layout.plot, 0.01)) {
            return QStringLiteral("\"%1\" %2 is over the plot %3").arg(t.text, describe(t.rect), describe(layout.plot));
        }
        boxes.append({t.text, t.rect});
    }
    return firstOverlap(boxes, 0.01);
}

} // namespace ExportLayoutTest

using namespace ExportLayoutTest;

class tst_ExportLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void png_data();
    void png();
    void svg_data();
    void svg();
    void pdf_data();
    void pdf();
    void creditLine();
    void keyAndEmptyFilter();

private:
    CaseSession m_builtin;
    CaseSession m_nonLatin;
};

void tst_ExportLayout::initTestCase()
{
    const auto builtin = Test::builtinCase();
    QVERIFY(builtin);
    m_builtin.setCase(builtin);
    const CaseLoad load = CaseReader::readFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/nonlatin.json"));
    QVERIFY(load.ok());
    m_nonLatin.setCase(std::make_shared<const Case>(load.kase));
}

void tst_ExportLayout::png_data()
{
    QTest::addColumn<bool>("nonLatin");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    for (const QString &name : Exporter::names()) {
        for (const QSize &size : Sizes) {
            for (double scale : {1.0, 2.0}) {
                QTest::addRow("%s %dx%d @%g", qPrintable(name), size.width(), size.height(), scale)
                    << false << name << size << scale;
            }
        }
    }
    for (const QSize &size : {Sizes.first(), Sizes[3], Sizes.last()}) {
        QTest::addRow("non-Latin timeline %dx%d", size.width(), size.height())
            << true << QStringLiteral("timeline") << size << 1.0;
    }
}

void tst_ExportLayout::png()
{
    QFETCH(bool, nonLatin);
    QFETCH(QString, name);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    CaseSession &session = nonLatin ? m_nonLatin : m_builtin;
    Exporter exporter(&session);
    ExportOptions options;
    options.size = size;
    options.scale = scale;
    const QImage image = exporter.renderImage(name, options);
    QCOMPARE(image.size(), size * scale);
    const ExportLayout &layout = exporter.lastLayout();
    QCOMPARE(layout.area, QRectF(QPointF(0, 0), QSizeF(size)));
    QVERIFY(layout.plot.height() >= 40);
    QVERIFY(layout.texts.size() >= 4);
    const QString texts = checkTexts(layout);
    QVERIFY2(texts.isEmpty(), qPrintable(texts));
    const QString events = checkEvents(session, layout, name == QLatin1String("timeline"));
    QVERIFY2(events.isEmpty(), qPrintable(events));
    QVERIFY2(layout.smallestFontPixels >= 11, qPrintable(QString::number(layout.smallestFontPixels)));
}

void tst_ExportLayout::svg_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    for (const QString &name : Exporter::names()) {
        for (const QSize &size : Sizes) {
            QTest::addRow("%s %dx%d", qPrintable(name), size.width(), size.height()) << name << size;
        }
    }
}

void tst_ExportLayout::svg()
{
    // Every run of text outlined, boxed by its font's metrics at its baseline: what a reader sees,
    // chart labels included.
    QFETCH(QString, name);
    QFETCH(QSize, size);
    Exporter exporter(&m_builtin);
    ExportOptions options;
    options.size = size;
    QList<Box> runs;
    options.textBoxObserver = [&](const QString &text, const QFont &, const QRectF &box) {
        const QString shown = plain(text);
        if (!shown.trimmed().isEmpty()) {
            runs.append({shown, box});
        }
    };
    QString error;
    const QByteArray svg = exporter.render(name, QStringLiteral("svg"), options, &error);
    QVERIFY2(!svg.isEmpty(), qPrintable(error));
    const ExportLayout &layout = exporter.lastLayout();
    const QString events = checkEvents(m_builtin, layout, name == QLatin1String("timeline"));
    QVERIFY2(events.isEmpty(), qPrintable(events));
    // Each text the exporter placed was outlined where it says.
    for (const ExportText &t : layout.texts) {
        if (t.kind == ExportText::Kind::Plot) {
            continue;
        }
        const bool found = std::any_of(runs.cbegin(), runs.cend(), [&](const Box &b) {
            return overlap(b.rect, t.rect, 0.5) && plain(t.text).contains(b.text.trimmed());
        });
        QVERIFY2(found, qPrintable(t.text + describe(t.rect)));
    }
    QVERIFY(runs.size() >= layout.texts.size() / 2);
    for (const Box &b : runs) {
        QVERIFY2(QRectF(QPointF(0, 0), QSizeF(size)).adjusted(-1, -1, 1, 1).contains(b.rect),
                 qPrintable(b.text + describe(b.rect)));
    }
    // Runs of one line abut; half a pixel is metrics rounding.
    const QString overlapping = firstOverlap(runs, 0.5);
    QVERIFY2(overlapping.isEmpty(), qPrintable(overlapping));
}

void tst_ExportLayout::pdf_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("page");
    const QStringList pages = {QStringLiteral("A4"), QStringLiteral("Letter"), QStringLiteral("A3")};
    for (const QString &name : Exporter::names()) {
        for (const QString &page : pages) {
            QTest::addRow("%s %s", qPrintable(name), qPrintable(page)) << name << page;
        }
    }
}

void tst_ExportLayout::pdf()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        QSKIP("pdftotext (poppler-utils) is not installed");
    }
    QFETCH(QString, name);
    QFETCH(QString, page);
    const QPageSize pageSize = page == QLatin1String("A3") ? QPageSize(QPageSize::A3)
        : page == QLatin1String("Letter")                  ? QPageSize(QPageSize::Letter)
                                                           : QPageSize(QPageSize::A4);
    Exporter exporter(&m_builtin);
    ExportOptions options;
    options.pageSize = pageSize;
    QString error;
    const QByteArray pdf = exporter.render(name, QStringLiteral("pdf"), options, &error);
    QVERIFY2(pdf.startsWith("%PDF-"), qPrintable(error));
    const QString events = checkEvents(m_builtin, exporter.lastLayout(), name == QLatin1String("timeline"));
    QVERIFY2(events.isEmpty(), qPrintable(events));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("x.pdf"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf);
    }
    QProcess p;
    p.start(pdftotext, {QStringLiteral("-bbox"), file, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    // <page width= height=> then <word xMin= yMin= xMax= yMax=>text</word>, in points.
    QXmlStreamReader xml(p.readAllStandardOutput());
    QList<Box> words;
    QSizeF pageSizePt;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        const auto a = xml.attributes();
        if (xml.name() == QLatin1String("page")) {
            pageSizePt
                = QSizeF(a.value(QLatin1String("width")).toDouble(), a.value(QLatin1String("height")).toDouble());
        } else if (xml.name() == QLatin1String("word")) {
            const QRectF r(
                QPointF(a.value(QLatin1String("xMin")).toDouble(), a.value(QLatin1String("yMin")).toDouble()),
                QPointF(a.value(QLatin1String("xMax")).toDouble(), a.value(QLatin1String("yMax")).toDouble()));
            words.append({xml.readElementText(), r});
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    const QSizeF expected = pageSize.size(QPageSize::Point).transposed(); // landscape
    QVERIFY(std::abs(pageSizePt.width() - expected.width()) < 1);
    QVERIFY(words.size() > 20);
    const QString all
        = std::accumulate(words.cbegin(), words.cend(), QString(),
                          [](const QString &s, const Box &b) -> QString { return s + b.text + QLatin1Char(' '); });
    for (const ExportText &t : exporter.lastLayout().texts) {
        if (t.kind == ExportText::Kind::Title || t.kind == ExportText::Kind::Credit) {
            const QString first = plain(t.text).section(QLatin1Char(' '), 0, 0);
            QVERIFY2(all.contains(first), qPrintable(first + QStringLiteral(" not in ") + all));
        }
    }
    double smallest = 1e9;
    for (const Box &w : words) {
        QVERIFY2(QRectF(QPointF(0, 0), pageSizePt).contains(w.rect), qPrintable(w.text + describe(w.rect)));
        smallest = std::min(smallest, w.rect.height());
    }
    // poppler's word box is the font's ascent to descent, about 1.16 times its size in our fonts:
    // 9.3 pt high is 8 pt type.
    QVERIFY2(smallest >= 9.3, qPrintable(QString::number(smallest)));
    // A box reaches from ascent to descent and those of stacked lines may touch: a point of slack.
    const QString overlapping = firstOverlap(words, 1.0);
    QVERIFY2(overlapping.isEmpty(), qPrintable(overlapping));
}

void tst_ExportLayout::creditLine()
{
    // The built-in case's sources name no publisher and no date: said once, none invented; the
    // source without a headline is named by its first words, once; no doubled stop after a title
    // that ends in one.
    Exporter exporter(&m_builtin);
    ExportOptions options;
    options.size = QSize(1920, 1080);
    exporter.renderImage(QStringLiteral("timeline"), options);
    const QString credit = plain(exporter.lastLayout().credit);
    QVERIFY2(credit.startsWith(QStringLiteral("Sources (publishers not given): ")), qPrintable(credit));
    QCOMPARE(credit.count(QStringLiteral("not given")), 1);
    QCOMPARE(credit.count(QStringLiteral("The two countries have issued sanctions")), 1);
    QVERIFY2(credit.contains(QStringLiteral("(no headline)")), qPrintable(credit));
    QVERIFY2(!credit.contains(QStringLiteral("no headline in the text")), qPrintable(credit));
    QVERIFY2(!credit.contains(QStringLiteral(".\u201d.")), qPrintable(credit));
    QVERIFY2(credit.contains(QStringLiteral("millions.\u201d Made with Attribution Timeline.")), qPrintable(credit));
    for (const Source &s : m_builtin.kase().sources) {
        QVERIFY(s.publisher.isEmpty());
        QVERIFY(!s.published.isValid());
    }
    // The journalist's own words replace ours, as plain text.
    options.title = QStringLiteral("<b>Our</b> title");
    options.subtitle = QStringLiteral("Our subtitle");
    options.credit = QStringLiteral("Graphic: the desk");
    exporter.renderImage(QStringLiteral("timeline"), options);
    QStringList kinds;
    for (const ExportText &t : exporter.lastLayout().texts) {
        if (t.kind == ExportText::Kind::Title || t.kind == ExportText::Kind::Subtitle
            || t.kind == ExportText::Kind::Credit) {
            kinds << t.text;
        }
    }
    QCOMPARE(kinds, (QStringList {options.title, options.subtitle, options.credit}));
}

void tst_ExportLayout::keyAndEmptyFilter()
{
    // The key names the shaded band only when the compressed axis draws a wide day; an export
    // that nothing matches says so instead of showing an empty axis.
    Exporter exporter(&m_builtin);
    ExportOptions options;
    options.size = QSize(1200, 675);
    const auto keyText = [&] {
        QString key;
        for (const ExportText &t : exporter.lastLayout().texts) {
            key += t.kind == ExportText::Kind::Key ? t.text + QLatin1Char('|') : QString();
        }
        return key;
    };
    options.axis = AxisMode::Compressed;
    exporter.renderImage(QStringLiteral("timeline"), options);
    QVERIFY2(keyText().contains(QStringLiteral("shaded axis band: one day drawn wide")), qPrintable(keyText()));
    QVERIFY(keyText().contains(QStringLiteral("fading end: start or end not known")));
    options.axis = AxisMode::Linear;
    exporter.renderImage(QStringLiteral("timeline"), options);
    QVERIFY2(!keyText().contains(QStringLiteral("shaded axis band")), qPrintable(keyText()));

    // The claims chart counts claims, and its subtitle says how many the case has.
    exporter.renderImage(QStringLiteral("claims-by-attributor"), options);
    const QString counts = QStringLiteral("%1 events: %2 claims")
                               .arg(m_builtin.kase().events.size())
                               .arg(m_builtin.kase().claims.size());
    QVERIFY2(plain(exporter.lastLayout().subtitle).startsWith(counts), qPrintable(exporter.lastLayout().subtitle));

    EventFilter none;
    none.text = QStringLiteral("zzzzqq-no-such-text");
    m_builtin.selection()->setFilter(none);
    for (const QString &name : {QStringLiteral("timeline"), QStringLiteral("events-per-year")}) {
        exporter.renderImage(name, options);
        bool said = false;
        for (const ExportText &t : exporter.lastLayout().texts) {
            said = said || t.text == QLatin1String("No events match the filter.");
        }
        QVERIFY2(said, qPrintable(name));
    }
    m_builtin.selection()->setFilter(EventFilter());
}

QTEST_MAIN(tst_ExportLayout)
#include "tst_exportlayout.moc"
