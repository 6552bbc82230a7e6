#include "builtincase.h"
#include "casegenerator.h"
#include "casereader.h"
#include "casesession.h"
#include "eventtablemodel.h"
#include "roles.h"
#include "selectionstate.h"
#include "timelineview.h"

#include <QPaintEvent>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

namespace {
// Records the regions of the paint events a widget receives.
class PaintSpy final : public QObject
{
public:
    explicit PaintSpy(QWidget *widget)
        : m_widget(widget)
    {
        widget->installEventFilter(this);
    }
    // Waits for the repaints pending now and returns what they covered.
    QRegion painted()
    {
        QTest::qWait(20);
        const QRegion out = m_painted;
        m_painted = QRegion();
        return out;
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint) {
            m_painted += static_cast<QPaintEvent *>(event)->region();
        }
        return false;
    }

private:
    QWidget *m_widget;
    QRegion m_painted;
};

qint64 area(const QRegion &region)
{
    qint64 a = 0;
    for (const QRect &r : region) {
        a += qint64(r.width()) * r.height();
    }
    return a;
}
} // namespace

using namespace AT;

class tst_TimelineView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsEvents();
    void clickSelects();
    void keyboardNavigation();
    void enterActivates();
    void zoomChangesTickGranularity();
    void ctrlWheelZoomsAroundCursor();
    void dragPans();
    void ticksAndLabelsDoNotOverlap();
    void imprecisionIsDrawnAsSpans();
    void eventLabelsDoNotOverlap();
    void actorLanes();
    void hideAndReorderLanes();
    void clustersSplitAsYouZoom();
    void followsDarkPalette();
    void manyEventsCollapseIntoCounts();
    void densityCountsWhatReachesIntoView();
    void selectionRepaintsOnlyTheChangedEvents();
    void hoverRepaintsOnlyTheHoveredEvent();
    void windowLivesInTheSelectionState();

private:
    std::shared_ptr<const Case> m_case;
    CaseSession *m_session = nullptr;
    EventTableModel *m_model = nullptr;
    SelectionState *m_selection = nullptr;
    TimelineView *m_view = nullptr;
    qsizetype eventIndex(const char *id) const;
};

qsizetype tst_TimelineView::eventIndex(const char *id) const
{
    for (qsizetype i = 0; i < m_case->events.size(); ++i) {
        if (m_case->events[i].id == QLatin1String(id)) {
            return i;
        }
    }
    return -1;
}

void tst_TimelineView::init()
{
    CaseLoad load = CaseReader::readFile(builtinCasePath());
    QVERIFY(load.ok());
    m_case = std::make_shared<const Case>(std::move(load.kase));
    m_session = new CaseSession;
    m_session->setCase(m_case);
    m_model = new EventTableModel(m_session);
    m_selection = m_session->selection();
    m_view = new TimelineView;
    m_view->resize(1200, 420);
    m_view->setAxisMode(AxisMode::Linear); // these test the linear axis; tst_compressedaxis the other
    m_view->setModel(m_model);
    m_view->setSelectionState(m_selection);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->fitAll();
}

void tst_TimelineView::cleanup()
{
    delete m_view;
    delete m_model;
    delete m_session;
}

void tst_TimelineView::showsEvents()
{
    const QRectF ec = m_view->eventRect(eventIndex("ev-2021-22-electoral-commission"));
    QVERIFY(!ec.isEmpty());
    // A two-year range spans about two years of the axis.
    const double twoYears
        = m_view->scale().x(QDate(2023, 1, 1).toJulianDay()) - m_view->scale().x(QDate(2021, 1, 1).toJulianDay());
    QVERIFY(qAbs(ec.width() - twoYears) < 2);
}

void tst_TimelineView::clickSelects()
{
    const qsizetype event = eventIndex("ev-2018-opinion-firm");
    const QRectF r = m_view->eventRect(event);
    QVERIFY(!r.isEmpty());
    QSignalSpy spy(m_selection, &SelectionState::currentEventChanged);
    QTest::mouseClick(m_view, Qt::LeftButton, {}, r.center().toPoint());
    QCOMPARE(m_selection->currentEvent(), event);
    QCOMPARE(spy.size(), 1);
    // A click on empty space clears the selection.
    QTest::mouseClick(m_view, Qt::LeftButton, {}, QPoint(m_view->width() - 5, 3));
    QCOMPARE(m_selection->currentEvent(), -1);
}

void tst_TimelineView::keyboardNavigation()
{
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Home);
    QCOMPARE(m_selection->currentEvent(), m_model->index(0, 0).data(EventIndexRole).value<qsizetype>());
    QTest::keyClick(m_view, Qt::Key_Right);
    QCOMPARE(m_selection->currentEvent(), m_model->index(1, 0).data(EventIndexRole).value<qsizetype>());
    QTest::keyClick(m_view, Qt::Key_Left);
    QCOMPARE(m_selection->currentEvent(), m_model->index(0, 0).data(EventIndexRole).value<qsizetype>());
    QTest::keyClick(m_view, Qt::Key_End);
    QCOMPARE(m_selection->currentEvent(),
             m_model->index(m_model->rowCount() - 1, 0).data(EventIndexRole).value<qsizetype>());
    QTest::keyClick(m_view, Qt::Key_Right); // stays at the last event
    QCOMPARE(m_selection->currentEvent(),
             m_model->index(m_model->rowCount() - 1, 0).data(EventIndexRole).value<qsizetype>());
}

void tst_TimelineView::enterActivates()
{
    QSignalSpy spy(m_view, &TimelineView::eventActivated);
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Home);
    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<qsizetype>(), m_selection->currentEvent());
}

void tst_TimelineView::zoomChangesTickGranularity()
{
    // Fit all shows about six years: years. Zooming in goes to quarters, months, then days.
    QCOMPARE(m_view->currentTickUnit(), TimelineScale::TickUnit::Year);
    QList<TimelineScale::TickUnit> seen {m_view->currentTickUnit()};
    for (int i = 0; i < 30; ++i) {
        m_view->zoomIn();
        if (seen.last() != m_view->currentTickUnit()) {
            seen << m_view->currentTickUnit();
        }
    }
    QCOMPARE(seen,
             (QList<TimelineScale::TickUnit> {TimelineScale::TickUnit::Year, TimelineScale::TickUnit::Quarter,
                                              TimelineScale::TickUnit::Month, TimelineScale::TickUnit::Day}));
    for (int i = 0; i < 60; ++i) {
        m_view->zoomOut();
    }
    QVERIFY(m_view->currentTickUnit() == TimelineScale::TickUnit::Decade
            || m_view->currentTickUnit() == TimelineScale::TickUnit::Century);
}

void tst_TimelineView::ctrlWheelZoomsAroundCursor()
{
    const QPoint at(300, 100);
    const double dayBefore = m_view->scale().day(at.x());
    const double spanBefore = m_view->scale().span();
    QWheelEvent wheel(at, m_view->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view, &wheel);
    QVERIFY(m_view->scale().span() < spanBefore);
    QVERIFY(qAbs(m_view->scale().day(at.x()) - dayBefore) < 1e-6);
}

void tst_TimelineView::dragPans()
{
    const double before = m_view->scale().firstDay();
    const double dpp = m_view->scale().daysPerPixel();
    QTest::mousePress(m_view, Qt::LeftButton, {}, QPoint(600, 5));
    QMouseEvent move(QEvent::MouseMove, QPointF(500, 5), m_view->mapToGlobal(QPointF(500, 5)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view, &move);
    QTest::mouseRelease(m_view, Qt::LeftButton, {}, QPoint(500, 5));
    QVERIFY(qAbs(m_view->scale().firstDay() - (before + 100 * dpp)) < 1e-6);
}

void tst_TimelineView::ticksAndLabelsDoNotOverlap()
{
    for (int zoom = 0; zoom < 12; ++zoom) {
        // Labels that would run past the plot's end are left off; the others never overlap and
        // stay inside the view.
        QList<QPair<TimelineScale::Tick, QRectF>> ticks;
        for (const auto &t : m_view->visibleTicks()) {
            if (!t.second.isNull()) {
                QVERIFY2(t.second.right() <= m_view->width(), qPrintable(t.first.label));
                ticks.append(t);
            }
        }
        for (int i = 1; i < ticks.size(); ++i) {
            QVERIFY2(ticks[i - 1].second.right() + 4 <= ticks[i].second.left(),
                     qPrintable(ticks[i - 1].first.label + QStringLiteral(" / ") + ticks[i].first.label));
        }
        m_view->zoomIn();
    }
}

void tst_TimelineView::imprecisionIsDrawnAsSpans()
{
    // A year-precision event is drawn over its whole year, not as a false exact day.
    const QRectF year = m_view->eventRect(eventIndex("ev-2018-opinion-firm"));
    const double oneYear
        = m_view->scale().x(QDate(2019, 1, 1).toJulianDay()) - m_view->scale().x(QDate(2018, 1, 1).toJulianDay());
    QVERIFY(qAbs(year.width() - oneYear) < 2);
    QVERIFY(qAbs(year.left() - m_view->scale().x(QDate(2018, 1, 1).toJulianDay())) < 1);
    // An exact day is a small marker centred on that day.
    const QRectF day = m_view->eventRect(eventIndex("ev-2024-03-26-nz-concerns"));
    QVERIFY(day.width() <= 12);
}

void tst_TimelineView::eventLabelsDoNotOverlap()
{
    for (auto mode : {TimelineView::LaneMode::None, TimelineView::LaneMode::Actor, TimelineView::LaneMode::Category}) {
        m_view->setLaneMode(mode);
        for (int zoom = 0; zoom < 8; ++zoom) {
            const QList<QRectF> labels = m_view->labelRects();
            QVERIFY(!labels.isEmpty());
            for (int i = 0; i < labels.size(); ++i) {
                QVERIFY(labels[i].left() >= 0 && labels[i].right() <= m_view->width());
                for (int j = i + 1; j < labels.size(); ++j) {
                    QVERIFY2(!labels[i].intersects(labels[j]),
                             qPrintable(QStringLiteral("mode %1 zoom %2").arg(int(mode)).arg(zoom)));
                }
                for (const QRectF &cluster : m_view->clusterRects()) {
                    QVERIFY2(!labels[i].intersects(cluster),
                             qPrintable(QStringLiteral("cluster, mode %1 zoom %2").arg(int(mode)).arg(zoom)));
                }
            }
            m_view->zoomIn();
        }
        m_view->fitAll();
    }
}

void tst_TimelineView::actorLanes()
{
    m_view->setLaneMode(TimelineView::LaneMode::Actor);
    const QStringList lanes = m_view->lanes();
    // The Chinese government takes part in the most events (accused, denying, summoned, ...), so its lane
    // comes first; APT31's is next.
    QCOMPARE(lanes.first(), QStringLiteral("china-gov"));
    QCOMPARE(lanes.at(1), QStringLiteral("apt31"));
    QVERIFY(lanes.contains(QStringLiteral("uk-electoral-commission")));
    // An event sits in the lane of every participant: the Electoral Commission breach is in three.
    m_view->resize(1200, 2000);
    QTest::qWait(1);
    QVERIFY(m_view->eventRect(eventIndex("ev-2021-22-electoral-commission")).isValid());
    m_view->setLaneMode(TimelineView::LaneMode::Category);
    QVERIFY(m_view->lanes().contains(QStringLiteral("sanction")));
}

void tst_TimelineView::hideAndReorderLanes()
{
    QSignalSpy spy(m_view, &TimelineView::laneOptionsChanged);
    m_view->setLaneMode(TimelineView::LaneMode::Category);
    const QStringList before = m_view->lanes();
    m_view->moveLane(before[1], -1);
    QCOMPARE(m_view->lanes()[0], before[1]);
    QCOMPARE(m_view->lanes()[1], before[0]);
    m_view->setLaneHidden(QStringLiteral("sanction"), true);
    QVERIFY(m_view->hiddenLanes().contains(QStringLiteral("sanction")));
    const qsizetype sanction = eventIndex("ev-2024-03-25-uk-sanctions");
    QVERIFY(m_view->eventRect(sanction).isEmpty());
    m_view->setLaneHidden(QStringLiteral("sanction"), false);
    m_view->zoomToSelection();
    QVERIFY(spy.size() >= 3);
}

void tst_TimelineView::clustersSplitAsYouZoom()
{
    // A small timeline crowds the events of 25 March 2024 into counted clusters ...
    m_view->resize(700, 200);
    m_view->fitAll();
    QTest::qWait(1);
    const int crowded = m_view->clusteredCount();
    QVERIFY(crowded > 0);
    const char *sameDay[] = {"ev-2024-03-25-indictment", "ev-2024-03-25-us-sanctions", "ev-2024-03-25-uk-sanctions",
                             "ev-2024-03-25-uk-attribution", "ev-2024-03-25-announcement"};
    int hidden = 0;
    for (const char *id : sameDay) {
        hidden += m_view->eventRect(eventIndex(id)).isEmpty() ? 1 : 0;
    }
    QVERIFY(hidden > 0);
    // ... which split as you zoom into that day: every one of them is drawn again.
    m_selection->setCurrentEvent(eventIndex("ev-2024-03-25-indictment"));
    m_view->zoomToSelection();
    m_view->resize(1400, 420);
    QTest::qWait(1);
    for (const char *id : sameDay) {
        QVERIFY2(m_view->eventRect(eventIndex(id)).isValid(), id);
    }
    QVERIFY(m_view->clusteredCount() < crowded);
}

void tst_TimelineView::followsDarkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::AlternateBase, QColor(45, 45, 45));
    dark.setColor(QPalette::Text, QColor(235, 235, 235));
    dark.setColor(QPalette::Window, QColor(40, 40, 40));
    dark.setColor(QPalette::Mid, QColor(90, 90, 90));
    m_view->setPalette(dark);
    const QImage image = m_view->grab().toImage();
    // The background is the palette's dark base ...
    QCOMPARE(image.pixelColor(image.width() - 3, 3), QColor(30, 30, 30));
    // ... and label text is drawn in the palette's light text colour, so it stays legible.
    const QList<QRectF> labels = m_view->labelRects();
    QVERIFY(!labels.isEmpty());
    int light = 0;
    const QRect r = labels.first().toAlignedRect().intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            light += image.pixelColor(x, y).lightness() > 180 ? 1 : 0;
        }
    }
    QVERIFY(light > 10);
}

void tst_TimelineView::manyEventsCollapseIntoCounts()
{
    // 20,000 events at "fit all": counted per column (every event accounted for), no labels.
    CaseSession session;
    session.setCase(std::make_shared<const Case>(
        CaseReader::readData(generateCase({20000, 3, 500, 200}), QStringLiteral("g"), {}).kase));
    EventTableModel model(&session);
    TimelineView view;
    view.resize(1200, 400);
    view.setModel(&model);
    view.fitAll();
    QCOMPARE(view.clusteredCount(), 20000);
    QVERIFY(view.labelRects().isEmpty());
    // Zoomed in to a few days, events are placed one by one again, with labels.
    view.showRange(QDate(2010, 6, 1).toJulianDay(), QDate(2010, 6, 20).toJulianDay());
    QVERIFY(view.clusteredCount() < 20000);
    QVERIFY(!view.labelRects().isEmpty());
}

void tst_TimelineView::densityCountsWhatReachesIntoView()
{
    // Panned into the middle of 20,000 events: the columns count every event drawn in the view,
    // those that began before its left edge and still run included, and no other.
    CaseSession session;
    const auto kase = std::make_shared<const Case>(
        CaseReader::readData(generateCase({20000, 4, 500, 200}), QStringLiteral("g"), {}).kase);
    session.setCase(kase);
    EventTableModel model(&session);
    TimelineView view;
    view.resize(1200, 400);
    view.setModel(&model);
    const CaseIndex &index = session.index();
    auto dayAt = [&](double share) {
        const qsizetype rank = static_cast<qsizetype>(share * static_cast<double>(index.eventCount()));
        return static_cast<double>(index.timelineAt(rank).first);
    };
    for (const auto &[from, to] : {std::pair {0.25, 0.75}, std::pair {0.4, 0.6}}) {
        view.showRange(dayAt(from), dayAt(to));
        (void)view.clusteredCount(); // lays out, which sets the scale's width
        const TimelineScale &scale = view.scale();
        int expected = 0;
        for (const Event &e : kase->events) {
            const double first = e.date.earliestJulianDay();
            const double last = e.date.latestJulianDay();
            const double x = scale.x(first);
            expected += x <= scale.width() && x + (last - first + 1) / scale.daysPerPixel() >= 0;
        }
        QVERIFY(expected > 3000); // density mode, not events placed one by one
        QCOMPARE(view.clusteredCount(), expected);
        QVERIFY(view.labelRects().isEmpty());
    }
}

void tst_TimelineView::selectionRepaintsOnlyTheChangedEvents()
{
    const qsizetype first = eventIndex("ev-2018-opinion-firm");
    const qsizetype second = eventIndex("ev-2021-22-electoral-commission");
    m_selection->setCurrentEvent(first);
    PaintSpy spy(m_view);
    (void)spy.painted();
    const double windowBefore = m_selection->windowStart();
    // Both are in view: a new selection repaints the old and the new event, not the widget.
    m_selection->setCurrentEvent(second);
    const QRegion painted = spy.painted();
    QCOMPARE(m_selection->windowStart(), windowBefore);
    QVERIFY(!painted.isEmpty());
    QVERIFY(painted.intersects(m_view->eventRect(first).toAlignedRect()));
    QVERIFY(painted.contains(m_view->eventRect(second).center().toPoint()));
    const qint64 whole = qint64(m_view->width()) * m_view->height();
    QVERIFY2(area(painted) * 5 < whole, qPrintable(QStringLiteral("%1 of %2 pixels").arg(area(painted)).arg(whole)));
    // Clearing it repaints as little; zooming repaints all.
    m_selection->clear();
    QVERIFY(area(spy.painted()) * 5 < whole);
    m_view->zoomIn();
    QCOMPARE(spy.painted(), QRegion(m_view->rect()));
    // A partial repaint leaves on screen the pixels a full one draws.
    (void)spy.painted();
    m_selection->setCurrentEvent(first);
    QVERIFY(area(spy.painted()) * 5 < whole);
    const QImage partial = m_view->screen()->grabWindow(m_view->winId()).toImage();
    QVERIFY(!partial.isNull());
    m_view->update();
    QCOMPARE(spy.painted(), QRegion(m_view->rect()));
    QCOMPARE(m_view->screen()->grabWindow(m_view->winId()).toImage(), partial);
}

void tst_TimelineView::hoverRepaintsOnlyTheHoveredEvent()
{
    const QRectF r = m_view->eventRect(eventIndex("ev-2018-opinion-firm"));
    QVERIFY(!r.isEmpty());
    PaintSpy spy(m_view);
    QTest::mouseMove(m_view, QPoint(m_view->width() - 5, 3));
    (void)spy.painted();
    QTest::mouseMove(m_view, r.center().toPoint());
    QRegion painted = spy.painted();
    QVERIFY(painted.contains(r.center().toPoint()));
    const qint64 whole = qint64(m_view->width()) * m_view->height();
    QVERIFY(area(painted) * 5 < whole);
    QCOMPARE(m_view->cursor().shape(), Qt::PointingHandCursor);
    // Moving on within the same event repaints nothing; leaving it repaints it.
    QTest::mouseMove(m_view, r.center().toPoint() + QPoint(1, 0));
    QVERIFY(spy.painted().isEmpty());
    QTest::mouseMove(m_view, QPoint(m_view->width() - 5, 3));
    painted = spy.painted();
    QVERIFY(painted.contains(r.center().toPoint()));
    QVERIFY(area(painted) * 5 < whole);
}

void tst_TimelineView::windowLivesInTheSelectionState()
{
    // What the timeline shows is the shared state's window ...
    QCOMPARE(m_selection->windowStart(), m_view->scale().firstDay());
    QCOMPARE(m_selection->windowEnd(), m_view->scale().lastDay());
    QSignalSpy windows(m_selection, &SelectionState::windowChanged);
    m_view->zoomIn();
    QCOMPARE(windows.size(), 1);
    QCOMPARE(m_selection->windowStart(), m_view->scale().firstDay());
    QWheelEvent wheel(QPointF(300, 100), m_view->mapToGlobal(QPointF(300, 100)), QPoint(), QPoint(0, -120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view, &wheel);
    QCOMPARE(windows.size(), 2);
    QCOMPARE(m_selection->windowEnd(), m_view->scale().lastDay());
    // ... and another view or a restored session sets it for the timeline.
    const double from = QDate(2019, 1, 1).toJulianDay();
    const double to = QDate(2020, 1, 1).toJulianDay();
    m_selection->setWindow(from, to);
    QCOMPARE(m_view->scale().firstDay(), from);
    QCOMPARE(m_view->scale().lastDay(), to);
    QVERIFY(m_view->eventRect(eventIndex("ev-2018-opinion-firm")).right() <= 2);
    // Beyond the zoom limits it is clamped, and the clamped window goes back to the state.
    m_selection->setWindow(from, from + 0.5);
    QCOMPARE(m_view->scale().span(), TimelineScale::MinSpanDays);
    QCOMPARE(m_selection->windowEnd() - m_selection->windowStart(), TimelineScale::MinSpanDays);
    // A second timeline on the same state starts at its window.
    TimelineView other;
    other.resize(600, 300);
    other.setModel(m_model);
    other.setSelectionState(m_selection);
    QCOMPARE(other.scale().firstDay(), m_selection->windowStart());
}

QTEST_MAIN(tst_TimelineView)
#include "tst_timelineview.moc"
