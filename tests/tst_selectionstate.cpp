#include "selectionstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace AT;

class tst_SelectionState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backAndForward();
    void citationFollowsEvent();
    void filterAndWindow();
};

void tst_SelectionState::backAndForward()
{
    SelectionState s;
    QVERIFY(!s.canGoBack());
    s.setCurrentEvent(3);
    s.setCurrentEvent(5);
    s.setCurrentActor(QStringLiteral("apt31"));
    s.setCurrentEvent(5); // no change, no history entry
    QVERIFY(s.canGoBack());
    s.back();
    QCOMPARE(s.currentEvent(), 5);
    QCOMPARE(s.currentActor(), QString());
    s.back();
    QCOMPARE(s.currentEvent(), 3);
    QVERIFY(s.canGoForward());
    s.forward();
    QCOMPARE(s.currentEvent(), 5);
    // A new step drops what lay ahead.
    s.setCurrentEvent(9);
    QVERIFY(!s.canGoForward());
    s.back();
    s.back();
    s.back();
    QCOMPARE(s.currentEvent(), -1);
    QVERIFY(!s.canGoBack());
    s.back(); // nothing further back: no change
    QCOMPARE(s.currentEvent(), -1);
    s.setCurrentEvent(2);
    s.reset();
    QCOMPARE(s.currentEvent(), -1);
    QVERIFY(!s.canGoBack() && !s.canGoForward());
}

void tst_SelectionState::citationFollowsEvent()
{
    SelectionState s;
    QSignalSpy citations(&s, &SelectionState::currentCitationChanged);
    s.setCurrentEvent(1);
    s.setCurrentCitation(2);
    QCOMPARE(s.currentCitation(), 2);
    s.setCurrentEvent(4);
    QCOMPARE(s.currentCitation(), -1);
    QVERIFY(citations.size() >= 2);
}

void tst_SelectionState::filterAndWindow()
{
    SelectionState s;
    QSignalSpy filters(&s, &SelectionState::filterChanged);
    QSignalSpy windows(&s, &SelectionState::windowChanged);
    EventFilter f;
    f.text = QStringLiteral("x");
    s.setFilter(f);
    s.setFilter(f);
    QCOMPARE(filters.size(), 1);
    s.setWindow(1, 2);
    s.setWindow(1, 2);
    QCOMPARE(windows.size(), 1);
    QCOMPARE(s.windowEnd(), 2.0);
}

QTEST_GUILESS_MAIN(tst_SelectionState)
#include "tst_selectionstate.moc"
