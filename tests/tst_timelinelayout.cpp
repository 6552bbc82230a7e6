#include "caseindex.h"
#include "casereader.h"
#include "timelinelayout.h"

#include <QDate>
#include <QTest>

#include <limits>
#include <memory>
#include <numeric>

using namespace AT;

// TimelineLayout and TimelineLanes from data alone: no widget, no window, no fonts (labels are
// 7 px per character, lines 16 px high), so every expected figure below follows from the inputs.
class tst_TimelineLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lanes_data();
    void lanes();
    void labelsNeverOverlap_data();
    void labelsNeverOverlap();
    void clustersSplitAsZoomGrows();
    void manyEventsOnOnePixel();
    void hitTest_data();
    void hitTest();
    void hitTestMatchesLinearScan_data();
    void hitTestMatchesLinearScan();
    void densityCountsEveryEvent();
};

namespace {

constexpr QSizeF ViewSize(1000, 300);

// One event: "2024-03-25" (a day), "2021/2022" (a range), "/2024-03-25" (open start);
// actors separated by spaces.
struct Spec
{
    QString date;
    QString actors;
    QString category = QStringLiteral("intrusion");
};

} // namespace

Q_DECLARE_METATYPE(Spec)

namespace {

// A small case whose events are `specs`, as the rows the timeline reads.
TimelineRows rowsOf(const QList<Spec> &specs)
{
    QStringList actorIds;
    QString events;
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const Spec &s = specs[i];
        const QStringList parts = s.date.split(QLatin1Char('/'));
        const QString start
            = parts[0].isEmpty() ? QStringLiteral("null") : QLatin1Char('"') + parts[0] + QLatin1Char('"');
        QString date = QStringLiteral("{\"start\": %1").arg(start);
        if (parts.size() > 1) {
            date += QStringLiteral(", \"end\": \"%1\"").arg(parts[1]);
        }
        date += QLatin1Char('}');
        QStringList participants;
        for (const QString &a : s.actors.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!actorIds.contains(a)) {
                actorIds << a;
            }
            participants << QStringLiteral("{\"actor\": \"%1\", \"role\": \"attacker\"}").arg(a);
        }
        events += QStringLiteral("%1{\"id\": \"e%2\", \"title\": \"Event %2\", \"category\": \"%3\", \"date\": %4, "
                                 "\"participants\": [%5]}")
                      .arg(i == 0 ? QString() : QStringLiteral(","))
                      .arg(i)
                      .arg(s.category, date, participants.join(QLatin1Char(',')));
    }
    QStringList actors;
    for (const QString &a : std::as_const(actorIds)) {
        actors << QStringLiteral("{\"id\": \"%1\", \"name\": \"%1\", \"kind\": \"group\"}").arg(a);
    }
    const QString json = QStringLiteral("{\"format\": \"attribution-timeline-case\", \"version\": 1, \"title\": \"T\", "
                                        "\"sources\": [], \"actors\": [%1], \"events\": [%2]}")
                             .arg(actors.join(QLatin1Char(',')), events);
    CaseLoad load = CaseReader::readData(json.toUtf8(), QStringLiteral("layout.json"), QString());
    if (!load.ok()) {
        qWarning("%s", qPrintable(load.problems.isEmpty() ? QString() : load.problems.first().toString()));
        return {};
    }
    auto index = std::make_shared<const CaseIndex>(std::make_shared<const Case>(std::move(load.kase)));
    QList<qsizetype> ranks(index->eventCount());
    std::iota(ranks.begin(), ranks.end(), 0);
    return TimelineRows(index, ranks);
}

// n exact days spread pseudo-randomly over `days` days from 2020-01-01, some of them ranges.
QList<Spec> spread(int n, int days, quint32 seed = 7)
{
    QList<Spec> out;
    const QDate from(2020, 1, 1);
    for (int i = 0; i < n; ++i) {
        seed = seed * 1664525u + 1013904223u;
        const QDate d = from.addDays(static_cast<qint64>((seed >> 8) % static_cast<quint32>(days)));
        const QString actor = QStringLiteral("a%1").arg((seed >> 4) % 3);
        if (i % 5 == 0) {
            out.append({d.toString(Qt::ISODate) + QLatin1Char('/') + d.addDays(40).toString(Qt::ISODate), actor});
        } else {
            out.append({d.toString(Qt::ISODate), actor});
        }
    }
    return out;
}

double day(int y, int m, int d)
{
    return static_cast<double>(QDate(y, m, d).toJulianDay());
}

TimelineLayout::Input inputFor(const TimelineRows &rows, const TimelineLanes &lanes, double first, double last,
                               QSizeF size = ViewSize)
{
    TimelineLayout::Input in;
    in.rows = rows;
    in.lanes = &lanes;
    in.scale = TimelineScale(first, last, size.width());
    in.size = size;
    in.lineHeight = 16;
    in.textHeight = 16;
    in.headerWidth = lanes.grouped() ? 100 : 0;
    in.scrollBarWidth = 12;
    in.labelWidth = [rows](int item) { return std::min(7.0 * rows.title(rows[item]).size() + 2, 280.0); };
    return in;
}

QString eventId(const TimelineRows &rows, int item)
{
    return item < 0 ? QStringLiteral("-") : QStringLiteral("e%1").arg(rows[item].event);
}

// What the hit test did before it searched: the last placed event whose area contains pos.
qsizetype linearHitTest(const TimelineLayout &l, QPointF pos)
{
    if (pos.y() >= l.geometry().axisTop || pos.x() < l.geometry().plotLeft) {
        return -1;
    }
    for (qsizetype i = l.placed().size() - 1; i >= 0; --i) {
        const TimelineLayout::Placed &pl = l.placed()[i];
        if (pl.shape.adjusted(-3, -3, 3, 3).contains(pos) || pl.label.contains(pos)) {
            return i;
        }
    }
    return -1;
}

qsizetype linearClusterAt(const TimelineLayout &l, QPointF pos)
{
    for (qsizetype i = 0; i < l.clusters().size(); ++i) {
        if (l.clusters()[i].rect.contains(pos)) {
            return i;
        }
    }
    return -1;
}

} // namespace

void tst_TimelineLayout::lanes_data()
{
    QTest::addColumn<QList<Spec>>("specs");
    QTest::addColumn<int>("grouping");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QString>("expected"); // lane: event ids, lanes separated by " | "

    const QList<Spec> three = {{QStringLiteral("2020-01-01"), QStringLiteral("apt31 uk")},
                               {QStringLiteral("2020-02-01"), QStringLiteral("apt31"), QStringLiteral("sanction")},
                               {QStringLiteral("2020-03-01"), QStringLiteral("cn cn")}};
    const auto none = static_cast<int>(TimelineLanes::Grouping::None);
    const auto actor = static_cast<int>(TimelineLanes::Grouping::Actor);
    const auto category = static_cast<int>(TimelineLanes::Grouping::Category);
    QTest::newRow("empty case") << QList<Spec>() << none << QStringList() << QStringLiteral(":");
    QTest::newRow("no lanes: one of everything") << three << none << QStringList() << QStringLiteral(": e0 e1 e2");
    // An event in the lane of every participant, an actor in two roles once; busiest first, then by name.
    QTest::newRow("by actor") << three << actor << QStringList() << QStringLiteral("apt31: e0 e1 | cn: e2 | uk: e0");
    QTest::newRow("by actor, user order first")
        << three << actor << QStringList {QStringLiteral("uk")} << QStringLiteral("uk: e0 | apt31: e0 e1 | cn: e2");
    QTest::newRow("by category") << three << category << QStringList()
                                 << QStringLiteral("intrusion: e0 e2 | sanction: e1");
    QTest::newRow("by actor, no participants")
        << QList<Spec> {{QStringLiteral("2020-01-01"), QString()}} << actor << QStringList() << QString();
}

void tst_TimelineLayout::lanes()
{
    QFETCH(QList<Spec>, specs);
    QFETCH(int, grouping);
    QFETCH(QStringList, order);
    QFETCH(QString, expected);
    const TimelineRows rows = rowsOf(specs);
    QCOMPARE(rows.count(), specs.size());
    const TimelineLanes lanes(rows, static_cast<TimelineLanes::Grouping>(grouping), order);
    QStringList out;
    for (const TimelineLanes::Lane &l : lanes.lanes()) {
        QString line = l.key + QLatin1Char(':');
        for (int item : l.items) {
            line += QLatin1Char(' ') + eventId(rows, item);
        }
        out << line;
    }
    QCOMPARE(out.join(QStringLiteral(" | ")), expected);
}

void tst_TimelineLayout::labelsNeverOverlap_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("grouping");
    QTest::addColumn<int>("spanDays"); // of the visible window, from 2020-01-01

    for (int grouping : {0, 1}) {
        for (int events : {1, 40, 400, 2500}) {
            for (int span : {3, 30, 365, 3650}) {
                QTest::addRow("%d events, %s, %d days", events, grouping ? "by actor" : "no lanes", span)
                    << events << grouping << span;
            }
        }
    }
}

void tst_TimelineLayout::labelsNeverOverlap()
{
    QFETCH(int, events);
    QFETCH(int, grouping);
    QFETCH(int, spanDays);
    const TimelineRows rows = rowsOf(spread(events, 365));
    const TimelineLanes lanes(rows, static_cast<TimelineLanes::Grouping>(grouping));
    const double first = day(2020, 1, 1);
    const TimelineLayout l(inputFor(rows, lanes, first, first + spanDays));
    const TimelineLayout::Geometry &g = l.geometry();
    const QList<QRectF> labels = l.labelRects();
    const QList<QRectF> clusters = l.clusterRects();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QVERIFY(labels[i].left() >= g.plotLeft && labels[i].right() <= g.plotLeft + g.plotWidth);
        for (qsizetype j = i + 1; j < labels.size(); ++j) {
            QVERIFY2(!labels[i].intersects(labels[j]), qPrintable(QStringLiteral("labels %1 and %2").arg(i).arg(j)));
        }
        for (const QRectF &c : clusters) {
            QVERIFY(!labels[i].intersects(c));
        }
    }
    for (qsizetype i = 0; i < clusters.size(); ++i) {
        for (qsizetype j = i + 1; j < clusters.size(); ++j) {
            QVERIFY(!clusters[i].intersects(clusters[j]));
        }
    }
    // Each placed event can be found again, and what it paints covers its bar and label.
    for (qsizetype k = 0; k < l.placed().size(); ++k) {
        QVERIFY(l.placedOf(l.placed()[k].item).contains(k));
        QVERIFY(l.paintRect(k).contains(l.placed()[k].shape));
        QVERIFY(l.placed()[k].label.isEmpty() || l.paintRect(k).contains(l.placed()[k].label));
    }
}

void tst_TimelineLayout::clustersSplitAsZoomGrows()
{
    // Twenty events a day apart: counted into clusters over a year, every one placed over a month.
    QList<Spec> specs;
    for (int i = 0; i < 20; ++i) {
        specs.append({QDate(2020, 6, 1).addDays(i).toString(Qt::ISODate), QStringLiteral("a")});
    }
    const TimelineRows rows = rowsOf(specs);
    const TimelineLanes lanes(rows, TimelineLanes::Grouping::None);
    const double centre = day(2020, 6, 11);
    int previous = std::numeric_limits<int>::max();
    QList<int> counts;
    for (double span : {3650.0, 730.0, 365.0, 120.0, 60.0, 30.0}) {
        const TimelineLayout l(inputFor(rows, lanes, centre - span / 2, centre + span / 2));
        QCOMPARE(l.clusteredCount() + l.placed().size(), 20);
        QVERIFY2(l.clusteredCount() <= previous, qPrintable(QString::number(span)));
        previous = l.clusteredCount();
        counts << l.clusteredCount();
    }
    QVERIFY(counts.first() > 0);
    QCOMPARE(counts.last(), 0);
}

void tst_TimelineLayout::manyEventsOnOnePixel()
{
    // Thirty events on one day. Over a year and a half, they share a pixel or two: as many as there are rows
    // are placed, the rest counted in one cluster that knows which events it holds.
    const QList<Spec> specs(30, Spec {QStringLiteral("2022-05-04"), QStringLiteral("a")});
    const TimelineRows rows = rowsOf(specs);
    const TimelineLanes lanes(rows, TimelineLanes::Grouping::None);
    const double d = day(2022, 5, 4);
    const TimelineLayout wide(inputFor(rows, lanes, d - 300, d + 300));
    const int rowsPerLane = wide.geometry().rowsPerLane;
    QCOMPARE(wide.placed().size(), rowsPerLane);
    QCOMPARE(wide.clusters().size(), 1);
    const TimelineLayout::Cluster &c = wide.clusters().first();
    QCOMPARE(c.count, 30 - rowsPerLane);
    QCOMPARE(c.firstDay, d);
    QCOMPARE(wide.clusterAt(c.rect.center()), 0);
    QList<int> held;
    for (int item = 0; item < 30; ++item) {
        if (wide.placedOf(item).isEmpty()) {
            held << item;
        }
    }
    QCOMPARE(c.items, held);
    // At the closest zoom the day's events are spread across the day in rank order: every one is
    // placed, each at its own x, none beyond the day.
    const TimelineLayout l(inputFor(rows, lanes, d - 1, d + 2));
    QCOMPARE(l.placed().size(), 30);
    QCOMPARE(l.clusteredCount(), 0);
    double previous = -1;
    for (qsizetype k = 0; k < l.placed().size(); ++k) {
        const double x = l.placed()[k].shape.center().x();
        QVERIFY(x > previous);
        QVERIFY(x >= l.toX(d) && x < l.toX(d + 1));
        previous = x;
        // Each row's marker is hit in its own row.
        QCOMPARE(l.hitTest(l.placed()[k].shape.center()), k);
    }
}

void tst_TimelineLayout::hitTest_data()
{
    QTest::addColumn<QList<Spec>>("specs");
    QTest::addColumn<int>("grouping");
    QTest::addColumn<double>("first");
    QTest::addColumn<double>("last");
    QTest::addColumn<QPointF>("pos");
    QTest::addColumn<QString>("expected"); // event id or "-"

    const double jan = day(2020, 1, 1);
    const double end = jan + 200;
    const QList<Spec> single = {{QStringLiteral("2020-04-10"), QStringLiteral("a")}}; // day 100
    const QList<Spec> longOne = {{QStringLiteral("1990-01-01/2030-12-31"), QStringLiteral("a")},
                                 {QStringLiteral("2020-01-15"), QStringLiteral("a")}};
    // 1000 px over 200 days: 5 px a day. A day is a marker 10 px wide centred on its start, 8 px
    // from the top, with its 51 px label 12 px below; a second row starts 36 px lower.
    QTest::newRow("empty case") << QList<Spec>() << 0 << jan << end << QPointF(500, 20) << QStringLiteral("-");
    QTest::newRow("single event, marker") << single << 0 << jan << end << QPointF(500, 13) << QStringLiteral("e0");
    QTest::newRow("single event, within the margin")
        << single << 0 << jan << end << QPointF(507, 6) << QStringLiteral("e0");
    QTest::newRow("single event, beyond the margin")
        << single << 0 << jan << end << QPointF(509, 13) << QStringLiteral("-");
    QTest::newRow("single event, label") << single << 0 << jan << end << QPointF(540, 28) << QStringLiteral("e0");
    QTest::newRow("single event, past the label")
        << single << 0 << jan << end << QPointF(550, 28) << QStringLiteral("-");
    QTest::newRow("single event, on the axis") << single << 0 << jan << end << QPointF(500, 290) << QStringLiteral("-");
    // A bar from 1990 to 2030 runs in from the left; its label starts at the plot's left edge.
    QTest::newRow("running in from the left") << longOne << 0 << jan << end << QPointF(3, 13) << QStringLiteral("e0");
    QTest::newRow("running in from the left, its label")
        << longOne << 0 << jan << end << QPointF(10, 28) << QStringLiteral("e0");
    QTest::newRow("beside it, in the next row")
        << longOne << 0 << jan << end << QPointF(70, 49) << QStringLiteral("e1");
    // With lanes the header column hides what lies under it.
    QTest::newRow("under the lane header") << longOne << 1 << jan << end << QPointF(50, 13) << QStringLiteral("-");
    QTest::newRow("right of the lane header") << longOne << 1 << jan << end << QPointF(103, 13) << QStringLiteral("e0");
}

void tst_TimelineLayout::hitTest()
{
    QFETCH(QList<Spec>, specs);
    QFETCH(int, grouping);
    QFETCH(double, first);
    QFETCH(double, last);
    QFETCH(QPointF, pos);
    QFETCH(QString, expected);
    const TimelineRows rows = rowsOf(specs);
    const TimelineLanes lanes(rows, static_cast<TimelineLanes::Grouping>(grouping));
    const TimelineLayout l(inputFor(rows, lanes, first, last));
    const qsizetype hit = l.hitTest(pos);
    QCOMPARE(hit, linearHitTest(l, pos));
    QCOMPARE(eventId(rows, hit < 0 ? -1 : l.placed()[hit].item), expected);
}

void tst_TimelineLayout::hitTestMatchesLinearScan_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("grouping");
    QTest::addColumn<int>("spanDays");
    QTest::addColumn<int>("offsetDays"); // where the window starts, from 2020-01-01

    for (int grouping : {0, 1, 2}) {
        for (int events : {1, 60, 800, 2900}) {
            for (int span : {3, 45, 400}) {
                QTest::addRow("%d events, grouping %d, %d days", events, grouping, span)
                    << events << grouping << span << (span > 100 ? -20 : 100);
            }
        }
    }
}

void tst_TimelineLayout::hitTestMatchesLinearScan()
{
    // The binary searches find exactly what a scan of every placed event and cluster finds,
    // at every point of a 4 px grid over the view.
    QFETCH(int, events);
    QFETCH(int, grouping);
    QFETCH(int, spanDays);
    QFETCH(int, offsetDays);
    QList<Spec> specs = spread(events, 365, static_cast<quint32>(events));
    for (qsizetype i = 0; i < specs.size(); i += 9) {
        specs[i].category = QStringLiteral("sanction");
        specs[i].actors += QStringLiteral(" b");
    }
    const TimelineRows rows = rowsOf(specs);
    const TimelineLanes lanes(rows, static_cast<TimelineLanes::Grouping>(grouping));
    const double first = day(2020, 1, 1) + offsetDays;
    const TimelineLayout l(inputFor(rows, lanes, first, first + spanDays, QSizeF(1000, 500)));
    int hits = 0;
    for (double y = 0; y < 500; y += 4) {
        for (double x = 0; x < 1000; x += 4) {
            const QPointF pos(x, y + 0.5);
            const qsizetype hit = l.hitTest(pos);
            QCOMPARE(hit, linearHitTest(l, pos));
            QCOMPARE(l.clusterAt(pos), linearClusterAt(l, pos));
            hits += hit >= 0;
        }
    }
    QVERIFY(hits > 0 || l.placed().isEmpty());
}

void tst_TimelineLayout::densityCountsEveryEvent()
{
    // More events in view than DensityThreshold: counted per column, each exactly once, none placed.
    const TimelineRows rows = rowsOf(spread(4000, 3000));
    const TimelineLanes lanes(rows, TimelineLanes::Grouping::None);
    const TimelineLayout l(inputFor(rows, lanes, day(2019, 1, 1), day(2030, 1, 1)));
    QVERIFY(l.densityMode());
    QVERIFY(l.placed().isEmpty());
    QCOMPARE(l.clusteredCount(), 4000);
    QCOMPARE(l.hitTest(QPointF(500, 50)), -1);
    const TimelineLayout::Cluster &c = l.clusters().first();
    QCOMPARE(l.clusterAt(c.rect.center()), 0);
    QVERIFY(c.density > 0 && c.density <= 1);
}

QTEST_GUILESS_MAIN(tst_TimelineLayout)
#include "tst_timelinelayout.moc"
