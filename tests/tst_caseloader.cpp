#include "builtincase.h"
#include "casegenerator.h"
#include "caseloader.h"
#include "casesession.h"
#include "testcases.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace AT;

// One loader reads, checks and indexes a case for the window, the command line and the benchmark;
// on a worker thread it reports progress and stops promptly when cancelled.
class tst_CaseLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadsChecksAndIndexes();
    void withoutIndexKeepsTheCase();
    void failureKeepsTheProblems();
    void cancelStops_data();
    void cancelStops();
    void indexAskedToStopBuildsNothing();
    void backgroundLoadReportsProgress();
    void cancellingABackgroundLoadReturnsQuickly();
    void destroyingTheLoaderDoesNotWait();
    void aSecondStartReplacesTheFirst();

private:
    QTemporaryDir m_dir;
    QString m_large; // 200,000 events
    QString m_medium; // 20,000 events
};

namespace {

// How soon a cancelled load must be over: it stops at its next check, then frees what it built
// (about 0.1 s for half of a 200,000-event case when the machine is idle). Generous, because the
// test machine may be busy; under the sanitizers everything runs several times slower.
constexpr qint64 Prompt = 1000;
#if defined(__SANITIZE_ADDRESS__)
constexpr int Slowdown = 5;
#else
constexpr int Slowdown = 1;
#endif

} // namespace

void tst_CaseLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_large = m_dir.filePath(QStringLiteral("large.json"));
    QVERIFY2(writeGeneratedCase({200000, 5, 500, 1000}, m_large, &error), qPrintable(error));
    m_medium = m_dir.filePath(QStringLiteral("medium.json"));
    QVERIFY2(writeGeneratedCase({20000, 6, 200, 100}, m_medium, &error), qPrintable(error));
}

void tst_CaseLoader::loadsChecksAndIndexes()
{
    QList<CaseLoader::Phase> phases;
    QList<double> fractions;
    QElapsedTimer t;
    t.start();
    QList<qint64> phaseStarts; // ms, for the record: how the load's time divides
    const CaseLoader::Result r = CaseLoader::load(m_medium, true, [&](CaseLoader::Phase phase, double fraction) {
        if (phases.isEmpty() || phases.back() != phase) {
            phaseStarts << t.elapsed();
        }
        phases << phase;
        fractions << fraction;
    });
    QStringList starts;
    for (qint64 ms : std::as_const(phaseStarts)) {
        starts << QString::number(ms);
    }
    qInfo("20,000 events: reading, parsing, checking and indexing began at %s ms; done at %lld ms",
          qPrintable(starts.join(QStringLiteral(", "))), static_cast<long long>(t.elapsed()));
    QCOMPARE(r.outcome, CaseLoader::Outcome::Opened);
    QVERIFY(r.index);
    QCOMPARE(r.index->eventCount(), 20000);
    QCOMPARE(r.kase().events.size(), 20000);
    QVERIFY(r.load.ok());
    // Every phase in order, the fraction never going back, ending at the whole.
    QVERIFY(std::is_sorted(phases.cbegin(), phases.cend()));
    QVERIFY(std::is_sorted(fractions.cbegin(), fractions.cend()));
    for (CaseLoader::Phase p : {CaseLoader::Phase::Reading, CaseLoader::Phase::Parsing, CaseLoader::Phase::Checking,
                                CaseLoader::Phase::Indexing}) {
        QVERIFY(phases.contains(p));
    }
    QVERIFY(fractions.size() > 10);
    QCOMPARE(fractions.back(), 1.0);
}

void tst_CaseLoader::withoutIndexKeepsTheCase()
{
    const CaseLoader::Result r = CaseLoader::load(builtinCasePath(), false);
    QCOMPARE(r.outcome, CaseLoader::Outcome::Opened);
    QVERIFY(!r.index);
    QVERIFY(r.load.kase.events.size() > 20);
    QCOMPARE(&r.kase(), &r.load.kase);
}

void tst_CaseLoader::failureKeepsTheProblems()
{
    const CaseLoader::Result r = CaseLoader::load(m_dir.filePath(QStringLiteral("missing.json")));
    QCOMPARE(r.outcome, CaseLoader::Outcome::Failed);
    QVERIFY(!r.index);
    QVERIFY(!r.load.cancelled);
    QCOMPARE(r.load.problems.size(), 1);
    QVERIFY(r.load.problems.front().message.contains(QStringLiteral("does not exist")));
}

void tst_CaseLoader::cancelStops_data()
{
    QTest::addColumn<int>("phase");
    QTest::addColumn<double>("at");
    // Half-way through checking the items: the reader stops at the next one.
    QTest::newRow("reader") << int(CaseLoader::Phase::Checking) << 0.5;
    QTest::newRow("indexing") << int(CaseLoader::Phase::Indexing) << 0.85;
}

void tst_CaseLoader::cancelStops()
{
    QFETCH(int, phase);
    QFETCH(double, at);
    std::atomic<bool> cancel {false};
    QElapsedTimer sinceCancel;
    const CaseLoader::Result r = CaseLoader::load(
        m_large, true,
        [&](CaseLoader::Phase now, double fraction) {
            if (int(now) == phase && fraction > at && !cancel) {
                cancel = true;
                sinceCancel.start();
            }
        },
        &cancel);
    QVERIFY(cancel);
    const qint64 ms = sinceCancel.elapsed();
    QCOMPARE(r.outcome, CaseLoader::Outcome::Cancelled);
    QVERIFY(!r.index);
    if (phase == int(CaseLoader::Phase::Checking)) {
        QVERIFY(r.load.cancelled);
        QVERIFY(!r.load.ok());
        QVERIFY(r.load.problems.isEmpty());
    }
    QVERIFY2(ms < Prompt * Slowdown, qPrintable(QString::number(ms)));
    qInfo("stopped %lld ms after the cancel", static_cast<long long>(ms));
}

void tst_CaseLoader::indexAskedToStopBuildsNothing()
{
    std::atomic<bool> stopped {true};
    QVERIFY(!CaseIndex::build(Test::smallCase(), &stopped));
    std::atomic<bool> running {false};
    QVERIFY(CaseIndex::build(Test::smallCase(), &running));
}

void tst_CaseLoader::backgroundLoadReportsProgress()
{
    CaseLoader loader;
    QSignalSpy progress(&loader, &CaseLoader::progressChanged);
    QSignalSpy finished(&loader, &CaseLoader::finished);
    loader.start(m_medium);
    QVERIFY(loader.isRunning());
    QCOMPARE(loader.path(), m_medium);
    QVERIFY(finished.wait(60000 * Slowdown));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<CaseLoader::Outcome>(), CaseLoader::Outcome::Opened);
    QVERIFY(!loader.isRunning());
    QVERIFY(!progress.isEmpty());
    const CaseLoader::Result r = loader.takeResult();
    QCOMPARE(r.outcome, CaseLoader::Outcome::Opened);
    QCOMPARE(r.index->eventCount(), 20000);
    QCOMPARE(r.path, m_medium);
}

void tst_CaseLoader::cancellingABackgroundLoadReturnsQuickly()
{
    // The session keeps its case: the loader never touches it.
    CaseSession session;
    session.setCase(Test::smallCase());
    CaseLoader loader;
    QSignalSpy finished(&loader, &CaseLoader::finished);
    double reached = 0;
    connect(&loader, &CaseLoader::progressChanged, this, [&](CaseLoader::Phase, double f) { reached = f; });
    loader.start(m_large);
    QTRY_VERIFY_WITH_TIMEOUT(reached > 0.3, 60000 * Slowdown); // into the checking of the items
    QElapsedTimer t;
    t.start();
    loader.cancel();
    QVERIFY(finished.wait(10000));
    const qint64 ms = t.elapsed();
    QCOMPARE(finished.first().first().value<CaseLoader::Outcome>(), CaseLoader::Outcome::Cancelled);
    const CaseLoader::Result r = loader.takeResult();
    QCOMPARE(r.outcome, CaseLoader::Outcome::Cancelled);
    QVERIFY(!r.index);
    QCOMPARE(session.kase().title, QStringLiteral("Small"));
    QCOMPARE(session.index().eventCount(), 4);
    QVERIFY2(ms < Prompt * Slowdown, qPrintable(QString::number(ms)));
    qInfo("cancel to finished(Cancelled): %lld ms", static_cast<long long>(ms));
}

void tst_CaseLoader::destroyingTheLoaderDoesNotWait()
{
    auto *loader = new CaseLoader;
    double reached = 0;
    connect(loader, &CaseLoader::progressChanged, this, [&](CaseLoader::Phase, double f) { reached = f; });
    loader->start(m_large);
    QTRY_VERIFY_WITH_TIMEOUT(reached > 0.25, 60000 * Slowdown);
    QElapsedTimer t;
    t.start();
    delete loader;
    const qint64 deleted = t.elapsed();
    QVERIFY2(deleted < 50 * Slowdown, qPrintable(QString::number(deleted)));
    // The worker notices on its own, soon.
    QVERIFY(QThreadPool::globalInstance()->waitForDone(Prompt * 2 * Slowdown));
    qInfo("loader deleted in %lld ms; its worker ended %lld ms later", static_cast<long long>(deleted),
          static_cast<long long>(t.elapsed() - deleted));
}

void tst_CaseLoader::aSecondStartReplacesTheFirst()
{
    CaseLoader loader;
    QSignalSpy finished(&loader, &CaseLoader::finished);
    loader.start(m_large);
    loader.start(m_medium);
    QVERIFY(finished.wait(60000 * Slowdown));
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(loader.takeResult().index->eventCount(), 20000);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000 * Slowdown));
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(tst_CaseLoader)
#include "tst_caseloader.moc"
