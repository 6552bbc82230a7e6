#include "casemodels.h"
#include "casesession.h"
#include "chartbuilder.h"
#include "chartmodel.h"
#include "chartpanel.h"
#include "csvexport.h"
#include "exporter.h"
#include "testcases.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDate>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QSet>
#include <QTest>
#include <QTextDocument>

using namespace AT;

namespace ChartBuilderTest {

struct DrawnText
{
    QString text;
    QRectF rect; // in the scene, without the text document's margin
    bool plain; // a QGraphicsSimpleTextItem (row label, legend entry)
};

// Every visible, non-empty text a chart draws, where it draws it.
QList<DrawnText> drawnTexts(QChart *chart)
{
    QList<DrawnText> out;
    QList<QGraphicsItem *> todo = chart->childItems();
    while (!todo.isEmpty()) {
        QGraphicsItem *item = todo.takeLast();
        todo += item->childItems();
        if (!item->isVisible()) {
            continue;
        }
        if (auto *simple = dynamic_cast<QGraphicsSimpleTextItem *>(item)) {
            if (!simple->text().isEmpty()) {
                out.append({simple->text(), simple->sceneBoundingRect(), true});
            }
        } else if (auto *rich = qobject_cast<QGraphicsTextItem *>(item->toGraphicsObject())) {
            const QString text = rich->toPlainText().simplified();
            if (!text.isEmpty()) {
                const qreal m = rich->document()->documentMargin();
                out.append({text, rich->sceneBoundingRect().adjusted(m, m, -m, -m), false});
            }
        }
    }
    return out;
}

// A row of a chart model as "series=value" for every series with a value (a filter leaves out
// the series it empties).
QStringList rowValues(const ChartModel &m, int row)
{
    QStringList out;
    for (int c = 0; c < m.columnCount(); ++c) {
        const double v = m.index(row, c).data().toDouble();
        if (v != 0) {
            out << m.headerData(c, Qt::Horizontal).toString() + QLatin1Char('=') + QString::number(v, 'g', 15);
        }
    }
    return out;
}

} // namespace ChartBuilderTest

using namespace ChartBuilderTest;

class tst_ChartBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void textFits_data();
    void textFits();
    void csvIsTheChart();
    void clickShowsWhatTheBarCounts_data();
    void clickShowsWhatTheBarCounts();

private:
    CaseSession m_session;
};

void tst_ChartBuilder::initTestCase()
{
    m_session.setCase(Test::builtinCase());
    QVERIFY(m_session.kase().events.size() > 0);
}

void tst_ChartBuilder::textFits_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("pixels"); // the font; 0: the application's
    // The chart's part of exports from 600x400 to 3840x2160 (what the title, subtitle and credit
    // leave), at scale 1 and 2 alike (the layout is in logical pixels), and the Charts tab at a
    // few sizes, at scale 1 and 2 (half the logical pixels).
    const QList<std::pair<QSize, int>> sizes = {
        {QSize(544, 160), 14},  {QSize(544, 250), 14},  {QSize(744, 330), 14},  {QSize(744, 450), 14},
        {QSize(1144, 400), 14}, {QSize(1144, 520), 14}, {QSize(1864, 800), 14}, {QSize(3784, 1900), 14},
        {QSize(360, 420), 0},   {QSize(560, 640), 0},   {QSize(900, 700), 0},   {QSize(280, 300), 0},
    };
    for (ChartModel::Kind k : ChartModel::kinds()) {
        for (const auto &[size, pixels] : sizes) {
            QTest::addRow("%s %dx%d", qPrintable(ChartModel::exportName(k)), size.width(), size.height())
                << int(k) << size << pixels;
        }
    }
}

void tst_ChartBuilder::textFits()
{
    QFETCH(int, kind);
    QFETCH(QSize, size);
    QFETCH(int, pixels);
    ChartModel model(ChartModel::Kind(kind), &m_session);
    QVERIFY(model.rowCount() > 0);
    QFont font;
    if (pixels > 0) {
        font.setPixelSize(pixels);
    }
    QGraphicsScene scene;
    auto *chart = buildChart(&model, kind, QString(), font);
    scene.addItem(chart); // the scene owns it
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    const QList<DrawnText> texts = drawnTexts(chart);
    QVERIFY(!texts.isEmpty());
    const QRectF area(QPointF(0, 0), size);
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const DrawnText &t = texts[i];
        // Never elided, whatever the size.
        QVERIFY2(!t.text.contains(QChar(0x2026)) && !t.text.contains(QLatin1String("...")),
                 qPrintable(QStringLiteral("%1 at %2,%3").arg(t.text).arg(t.rect.x()).arg(t.rect.y())));
        // Inside the chart, and clear of every other text.
        QVERIFY2(area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(t.rect),
                 qPrintable(QStringLiteral("%1 at %2,%3 %4x%5")
                                .arg(t.text)
                                .arg(t.rect.x())
                                .arg(t.rect.y())
                                .arg(t.rect.width())
                                .arg(t.rect.height())));
        for (qsizetype j = i + 1; j < texts.size(); ++j) {
            const QRectF overlap = t.rect.intersected(texts[j].rect);
            QVERIFY2(overlap.width() < 1 || overlap.height() < 1,
                     qPrintable(QStringLiteral("\"%1\" overlaps \"%2\"").arg(t.text, texts[j].text)));
        }
    }
    // Top to bottom, so that the lines of a wrapped label follow each other.
    QList<DrawnText> byTop = texts;
    std::stable_sort(byTop.begin(), byTop.end(),
                     [](const DrawnText &a, const DrawnText &b) { return a.rect.top() < b.rect.top(); });
    QStringList plain;
    for (const DrawnText &t : std::as_const(byTop)) {
        if (t.plain) {
            plain << t.text;
        }
    }
    const QString all = plain.join(QLatin1Char(' '));
    const auto k = ChartModel::Kind(kind);
    // The stacked charts' legends name every series in full, each in one text.
    if (k == ChartModel::Kind::EventsPerYear || k == ChartModel::Kind::ClaimsByAttributor) {
        for (int c = 0; c < model.columnCount(); ++c) {
            const QString series = model.headerData(c, Qt::Horizontal).toString();
            QVERIFY2(plain.contains(series), qPrintable(series + QStringLiteral(" not in ") + plain.join(u'|')));
        }
    }
    // The horizontal charts label every bar in full, on one line or wrapped onto a few; the rows
    // that have no bar of their own are counted in the last one.
    if (k == ChartModel::Kind::EventsPerActor || k == ChartModel::Kind::ClaimsByAttributor
        || k == ChartModel::Kind::ActorActivity) {
        auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().constFirst());
        QVERIFY(bars);
        const qsizetype barCount = bars->barSets().constFirst()->count();
        QVERIFY(barCount >= 1);
        for (int bar = 0; bar < barCount; ++bar) {
            const int row = modelRowOfBar(chart, bar);
            const QString label = row >= 0 ? model.headerData(row, Qt::Vertical).toString()
                                           : QStringLiteral("%1 others, together").arg(model.rowCount() - barCount + 1);
            QVERIFY2(all.contains(label), qPrintable(label + QStringLiteral(" not in ") + all));
        }
        // Room for every row where every row has room for two lines of the chart's font: then no row is
        // folded into the last bar. (A fixed height would hold only for the case's present actors and names.)
        const qreal twoLines = 2 * (std::ceil(QFontMetricsF(font).height()) + 1);
        if (chart->plotArea().height() / model.rowCount() >= twoLines) {
            QCOMPARE(barCount, model.rowCount());
        }
        // Labels take what they need, not 40% of the chart: beside the plot, close to it.
        const QRectF plot = chart->plotArea();
        qreal widest = 0;
        for (const DrawnText &t : texts) {
            if (t.plain && t.rect.right() <= plot.left() && t.rect.bottom() <= plot.bottom() + 1) {
                widest = std::max(widest, t.rect.width());
                QVERIFY2(plot.left() - t.rect.right() < 20, qPrintable(t.text));
            }
        }
        QVERIFY2(plot.left() < widest + 40, qPrintable(QString::number(plot.left())));
    }
}

void tst_ChartBuilder::csvIsTheChart()
{
    Exporter exporter(&m_session);
    CaseModels models(&m_session);
    QString error;
    const QByteArray timeline = exporter.render(QStringLiteral("timeline"), QStringLiteral("csv"), {}, &error);
    QVERIFY2(!timeline.isEmpty(), qPrintable(error));
    QSet<QByteArray> seen {timeline};
    for (ChartModel *model : models.charts()) {
        const QString name = ChartModel::exportName(model->kind());
        const QByteArray csv = exporter.render(name, QStringLiteral("csv"), {}, &error);
        QVERIFY2(!csv.isEmpty(), qPrintable(error));
        QVERIFY2(!seen.contains(csv), qPrintable(name)); // each chart its own, none the event list
        seen.insert(csv);
        const QList<QStringList> rows = Test::parseCsv(QString::fromUtf8(csv));
        QCOMPARE(rows.size(), model->rowCount() + 1);
        const bool days = ChartModel::valuesAreDays(model->kind());
        const bool total = model->columnCount() > 1 && !days;
        QStringList header {ChartModel::rowName(model->kind())};
        for (int c = 0; c < model->columnCount(); ++c) {
            header << model->headerData(c, Qt::Horizontal).toString();
        }
        if (total) {
            header << QStringLiteral("total");
        }
        QCOMPARE(rows[0], header);
        for (int r = 0; r < model->rowCount(); ++r) {
            const QStringList &row = rows[r + 1];
            QCOMPARE(row.size(), header.size());
            QCOMPARE(row[0], model->headerData(r, Qt::Vertical).toString());
            double sum = 0;
            for (int c = 0; c < model->columnCount(); ++c) {
                const double v = model->index(r, c).data().toDouble();
                sum += v;
                if (days) {
                    QCOMPARE(QDate::fromString(row[c + 1], Qt::ISODate).toJulianDay(), qint64(v));
                } else {
                    QCOMPARE(row[c + 1].toDouble(), v);
                }
            }
            if (total) {
                QCOMPARE(row.last().toDouble(), sum);
            }
        }
    }
}

void tst_ChartBuilder::clickShowsWhatTheBarCounts_data()
{
    QTest::addColumn<int>("kind");
    for (ChartModel::Kind k : {ChartModel::Kind::EventsPerYear, ChartModel::Kind::EventsPerActor,
                               ChartModel::Kind::ClaimsByAttributor, ChartModel::Kind::ActorActivity}) {
        QTest::newRow(qPrintable(ChartModel::exportName(k))) << int(k);
    }
}

void tst_ChartBuilder::clickShowsWhatTheBarCounts()
{
    QFETCH(int, kind);
    CaseSession session;
    session.setCase(Test::builtinCase());
    CaseModels models(&session);
    ChartPanel panel(&models);
    panel.setKind(kind);
    ChartModel *model = models.chart(ChartModel::Kind(kind));
    const int rows = model->rowCount();
    QVERIFY(rows > 1);
    for (int r = 0; r < rows; ++r) {
        session.selection()->setFilter({});
        const QString label = model->headerData(r, Qt::Vertical).toString();
        const QStringList bar = rowValues(*model, r);
        double count = 0;
        for (int c = 0; c < model->columnCount(); ++c) {
            count += model->index(r, c).data().toDouble();
        }
        panel.filterToRow(r);
        if (count == 0 && ChartModel::Kind(kind) == ChartModel::Kind::EventsPerYear) {
            QCOMPARE(session.visibleEvents().size(), 0); // a year without events
            continue;
        }
        // The chart, following the filter, shows the same bar and no other with anything in it.
        int same = -1;
        for (int s = 0; s < model->rowCount(); ++s) {
            if (model->headerData(s, Qt::Vertical).toString() == label) {
                same = s;
            } else if (ChartModel::Kind(kind) == ChartModel::Kind::EventsPerYear) {
                for (int c = 0; c < model->columnCount(); ++c) {
                    QCOMPARE(model->index(s, c).data().toDouble(), 0.0);
                }
            }
        }
        QVERIFY2(same >= 0, qPrintable(label));
        QCOMPARE(rowValues(*model, same), bar);
        // And the events shown are exactly the ones the bar counts.
        if (ChartModel::Kind(kind) == ChartModel::Kind::EventsPerYear
            || ChartModel::Kind(kind) == ChartModel::Kind::EventsPerActor) {
            QCOMPARE(double(session.visibleEvents().size()), count);
        }
    }
}

QTEST_MAIN(tst_ChartBuilder)
#include "tst_chartbuilder.moc"
