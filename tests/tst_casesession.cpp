#include "actortreemodel.h"
#include "casegenerator.h"
#include "casesession.h"
#include "chartmodel.h"
#include "citationlistmodel.h"
#include "claimlistmodel.h"
#include "disagreementtablemodel.h"
#include "eventtablemodel.h"
#include "selectionstate.h"
#include "sessionprobe.h"
#include "sourcelistmodel.h"
#include "testcases.h"

#include <QTest>

using namespace AT;

// A case switch is one transaction of the session: nothing is announced until the new case, an
// empty selection and its visible events are in place, and then only caseChanged, once.
class tst_CaseSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void largeToSmallIsOneTransaction();
    void switchWithoutSelectionAnnouncesOnce();
};

namespace {

// Every item model the window has, on one session.
struct Models
{
    explicit Models(CaseSession *session)
        : events(session)
        , actors(session)
        , citations(session)
        , claims(session)
        , disagreements(session)
        , sources(session)
    {
        for (ChartModel::Kind k : ChartModel::kinds()) {
            charts.push_back(std::make_unique<ChartModel>(k, session));
        }
    }
    QList<QAbstractItemModel *> all()
    {
        QList<QAbstractItemModel *> list {&events, &actors, &citations, &claims, &disagreements, &sources};
        for (auto &c : charts) {
            list << c.get();
        }
        return list;
    }
    EventTableModel events;
    ActorTreeModel actors;
    CitationListModel citations;
    ClaimListModel claims;
    DisagreementTableModel disagreements;
    SourceListModel sources;
    std::vector<std::unique_ptr<ChartModel>> charts;
};

std::shared_ptr<const Case> largeCase()
{
    CaseLoad load = CaseReader::readData(generateCase({10000, 3, 300, 200}), QStringLiteral("large.json"), QString());
    return load.ok() ? std::make_shared<const Case>(std::move(load.kase)) : nullptr;
}

} // namespace

void tst_CaseSession::largeToSmallIsOneTransaction()
{
    const std::shared_ptr<const Case> large = largeCase();
    QVERIFY(large);
    QCOMPARE(large->events.size(), 10000);
    const std::shared_ptr<const Case> small = Test::smallCase();
    QVERIFY(small);

    CaseSession session;
    Models models(&session);
    session.setCase(large);
    SelectionState *sel = session.selection();

    // A late event selected, its row looked up (so the table's row map is built at the large
    // size), a search, an actor filter and a year (what a click on a chart bar sets).
    models.events.sort(EventTableModel::TitleColumn);
    const qsizetype late = session.index().chronological().back();
    sel->setCurrentEvent(late);
    sel->setCurrentActor(large->actors.front().id);
    QVERIFY(models.events.rowOfEvent(late) >= 0);
    EventFilter f;
    f.text = QStringLiteral("a");
    f.actors = {large->actors.front().id};
    const int year = QDate::fromJulianDay(session.index().earliestDay(late)).year();
    f.fromDay = QDate(year, 1, 1).toJulianDay();
    f.toDay = QDate(year, 12, 31).toJulianDay();
    sel->setFilter(f);
    QVERIFY(session.visibleEvents().size() < 10000);
    sel->setCurrentEvent(session.visibleEvents().isEmpty() ? late : session.visibleEvents().back());
    QVERIFY(sel->canGoBack());

    QList<QObject *> others;
    for (QAbstractItemModel *m : models.all()) {
        if (m != &models.events) {
            others << m;
        }
    }
    Test::SessionProbe probe(&session, &models.events, others);
    session.setCase(small);

    QVERIFY2(probe.failures.isEmpty(), qPrintable(probe.failures.join(QLatin1Char('\n'))));
    // One announcement of the session; none of the selection; then the models reset.
    QCOMPARE(probe.count("CaseSession::caseChanged"), 1);
    QCOMPARE(probe.count("CaseSession::visibleEventsChanged"), 0);
    for (const QString &s : std::as_const(probe.seen)) {
        QVERIFY2(!s.startsWith(QLatin1String("SelectionState::")), qPrintable(s));
    }
    QCOMPARE(sel->currentEvent(), -1);
    QVERIFY(sel->currentActor().isEmpty());
    QVERIFY(sel->filter() == EventFilter {});
    QVERIFY(!sel->canGoBack() && !sel->canGoForward());
    QCOMPARE(session.visibleEvents().size(), 4);
    QCOMPARE(models.events.rowCount(), 4);
    QCOMPARE(models.events.rowOfEvent(late), -1);

    // Every model now shows exactly what a fresh one built on the small case shows.
    CaseSession fresh;
    Models freshModels(&fresh);
    fresh.setCase(small);
    freshModels.events.sort(EventTableModel::TitleColumn);
    const QList<QAbstractItemModel *> mine = models.all();
    const QList<QAbstractItemModel *> theirs = freshModels.all();
    for (qsizetype i = 0; i < mine.size(); ++i) {
        QCOMPARE(Test::snapshot(*mine[i]), Test::snapshot(*theirs[i]));
    }
}

void tst_CaseSession::switchWithoutSelectionAnnouncesOnce()
{
    CaseSession session;
    EventTableModel events(&session);
    Test::SessionProbe probe(&session, &events);
    session.setCase(Test::smallCase());
    session.setCase(Test::builtinCase());
    session.setCase(nullptr);
    QVERIFY2(probe.failures.isEmpty(), qPrintable(probe.failures.join(QLatin1Char('\n'))));
    QCOMPARE(probe.count("CaseSession::caseChanged"), 3);
    QCOMPARE(probe.count("CaseSession::visibleEventsChanged"), 0);
    QCOMPARE(events.rowCount(), 0);
}

QTEST_MAIN(tst_CaseSession)
#include "tst_casesession.moc"
