// The events by title: collated, case-insensitive, stable on time order; worked out in the
// background for a large case, and right whether asked before, during or after that.
#include "casegenerator.h"
#include "caseindex.h"
#include "casereader.h"
#include "casesession.h"
#include "eventtablemodel.h"
#include "testcases.h"
#include "titleorder.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <algorithm>

using namespace AT;

namespace {

// The reference: a stable sort of the chronological order by QCollator::compare, no keys.
QList<qsizetype> collatedOrder(const Case &kase, QList<qsizetype> chronological)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(chronological.begin(), chronological.end(), [&](qsizetype a, qsizetype b) {
        return collator.compare(kase.events[a].title.toCaseFolded(), kase.events[b].title.toCaseFolded()) < 0;
    });
    return chronological;
}

std::shared_ptr<const Case> generated(qint64 events)
{
    GeneratorOptions options;
    options.events = events;
    options.sources = 20;
    auto load = CaseReader::readData(generateCase(options), QStringLiteral("g.json"), QString());
    return std::make_shared<const Case>(std::move(load.kase));
}

} // namespace

class tst_TitleOrder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smallCaseSortedWhenAsked();
    void equalTitlesKeepTimeOrder();
    void largeCaseSortedInTheBackground();
    void askedWhileTheBackgroundWorks();
    void goesAwayWhileTheBackgroundWorks();
    void emptyCase();
    void tableWaitsWithoutBlocking();
    void anotherColumnCancelsTheWait();
};

void tst_TitleOrder::smallCaseSortedWhenAsked()
{
    const auto kase = Test::builtinCase();
    const CaseIndex index(kase);
    QVERIFY(!index.isByTitleReady());
    QCOMPARE(index.byTitle(), collatedOrder(*kase, index.chronological()));
    QVERIFY(index.isByTitleReady());
}

void tst_TitleOrder::equalTitlesKeepTimeOrder()
{
    auto kase = std::make_shared<Case>(*Test::builtinCase());
    for (Event &e : kase->events) {
        e.title = e.id.size() % 2 ? QStringLiteral("Zurich") : QStringLiteral("z\u00fcrich");
    }
    const CaseIndex index(kase);
    QCOMPARE(index.byTitle(), collatedOrder(*kase, index.chronological()));
}

void tst_TitleOrder::largeCaseSortedInTheBackground()
{
    const auto kase = generated(TitleOrder::BackgroundFrom + 10000);
    const CaseIndex index(kase);
    QTRY_VERIFY_WITH_TIMEOUT(index.isByTitleReady(), 60000);
    const QList<qsizetype> order = index.byTitle(); // ready: no collation left to do
    QCOMPARE(order, collatedOrder(*kase, index.chronological()));
}

void tst_TitleOrder::askedWhileTheBackgroundWorks()
{
    const auto kase = generated(TitleOrder::BackgroundFrom + 10000);
    const CaseIndex index(kase);
    // Asked at once: this thread helps with what is left, and gets the whole order.
    const QList<qsizetype> order = index.byTitle();
    QVERIFY(index.isByTitleReady());
    QCOMPARE(order.size(), kase->events.size());
    QCOMPARE(order, collatedOrder(*kase, index.chronological()));
}

void tst_TitleOrder::goesAwayWhileTheBackgroundWorks()
{
    const auto kase = generated(TitleOrder::BackgroundFrom + 10000);
    // The index is dropped at once (an edit, another case opened): the work stops, nothing waits
    // for ever (the suite's time-out would say so) and nothing is touched after it goes.
    for (int i = 0; i < 5; ++i) {
        const CaseIndex index(kase);
    }
    const CaseIndex kept(kase);
    QCOMPARE(kept.byTitle(), collatedOrder(*kase, kept.chronological()));
}

void tst_TitleOrder::emptyCase()
{
    const CaseIndex index(std::make_shared<const Case>());
    QVERIFY(index.byTitle().isEmpty());
    QVERIFY(index.isByTitleReady());
}

void tst_TitleOrder::tableWaitsWithoutBlocking()
{
    // Sorted by title the moment a large case is in: the table stays in time order and says so, then
    // sorts when the order is there.
    const auto kase = generated(TitleOrder::BackgroundFrom + 10000);
    CaseSession session;
    EventTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pending(&model, &EventTableModel::sortPendingChanged);
    session.setCase(kase);
    model.sort(EventTableModel::TitleColumn);
    if (model.isSortPending()) {
        QCOMPARE(pending.size(), 1);
        QCOMPARE(model.eventAt(0), session.index().chronological().first());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!model.isSortPending(), 60000);
    const QList<qsizetype> byTitle = session.index().byTitle();
    for (int row = 0; row < 100; ++row) {
        QCOMPARE(model.eventAt(row), byTitle[row]);
    }
    QCOMPARE(model.rowCount(), kase->events.size());
    model.sort(EventTableModel::TitleColumn, Qt::DescendingOrder);
    QCOMPARE(model.eventAt(0), byTitle.last());
}

void tst_TitleOrder::anotherColumnCancelsTheWait()
{
    const auto kase = generated(TitleOrder::BackgroundFrom + 10000);
    CaseSession session;
    EventTableModel model(&session);
    session.setCase(kase);
    model.sort(EventTableModel::TitleColumn);
    model.sort(EventTableModel::CategoryColumn);
    QVERIFY(!model.isSortPending());
    const qsizetype first = model.eventAt(0);
    QTRY_VERIFY_WITH_TIMEOUT(session.index().isByTitleReady(), 60000);
    // The table's wait for the title order ends (its worker done, its signal delivered) and changes nothing.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(model.eventAt(0), first);
    QVERIFY(!model.isSortPending());
    // A newer case while the title order of the old one is awaited: the wait is for nothing.
    model.sort(EventTableModel::TitleColumn);
    session.setCase(generated(TitleOrder::BackgroundFrom + 5000));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isSortPending(), 60000);
    QCOMPARE(model.rowCount(), TitleOrder::BackgroundFrom + 5000);
}

QTEST_GUILESS_MAIN(tst_TitleOrder)
#include "tst_titleorder.moc"
