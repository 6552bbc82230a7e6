#include "caseloader.h"

#include "interchange.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>

namespace AT {

namespace {

// The share of a whole load each phase takes: where it starts and how long it is. Measured on a
// generated case of 20,000 events: reading 6 %, parsing 19 %, checking 50 %, indexing 25 %.
struct Span
{
    double from;
    double length;
};
constexpr Span Reading {0.0, 0.05};
constexpr Span Parsing {0.05, 0.15};
constexpr Span Checking {0.2, 0.6};
constexpr Span Indexing {0.8, 0.2};

} // namespace

CaseLoader::Result CaseLoader::load(const QString &path, bool buildIndex, const Progress &progress,
                                    const std::atomic<bool> *cancel)
{
    // Without an index the reader's phases fill the whole range.
    const double scale = buildIndex ? 1.0 : 1.0 / Indexing.from;
    auto report = [&](Phase phase, Span span, double fraction) {
        if (progress) {
            progress(phase, std::min(1.0, (span.from + span.length * std::clamp(fraction, 0.0, 1.0)) * scale));
        }
    };
    ReadControl control;
    control.cancel = cancel;
    control.progress = [&](ReadControl::Stage stage, double fraction) {
        switch (stage) {
        case ReadControl::Reading:
            report(Phase::Reading, Reading, fraction);
            break;
        case ReadControl::Parsing:
            report(Phase::Parsing, Parsing, fraction);
            break;
        case ReadControl::Checking:
            report(Phase::Checking, Checking, fraction);
            break;
        }
    };

    Result result;
    result.path = path;
    result.load = readAnyFile(path, control);
    if (result.load.cancelled) {
        result.outcome = Outcome::Cancelled;
        return result;
    }
    if (!result.load.ok()) {
        result.outcome = Outcome::Failed;
        return result;
    }
    if (buildIndex) {
        auto kase = std::make_shared<const Case>(std::move(result.load.kase));
        result.load.kase = Case {};
        report(Phase::Indexing, Indexing, 0);
        result.index = CaseIndex::build(std::move(kase), cancel,
                                        [&](double fraction) { report(Phase::Indexing, Indexing, fraction); });
        if (!result.index) {
            result.outcome = Outcome::Cancelled;
            result.load = CaseLoad {};
            result.load.cancelled = true;
            return result;
        }
    }
    result.outcome = Outcome::Opened;
    return result;
}

// What the worker and the loader share. The worker holds it until it ends, so the loader may go
// away (with the window) while the worker still unwinds after a cancel.
struct CaseLoader::Job
{
    QString path;
    std::atomic<bool> cancel {false};
    // The latest progress, read by the loader's timer: every value reaches it, however fast they come.
    std::atomic<int> phase {0};
    std::atomic<int> permille {0};
    QPromise<void> promise; // completion, delivered to the loader's thread by the watcher
    Result result; // written by the worker before the promise finishes
};

CaseLoader::CaseLoader(QObject *parent)
    : QObject(parent)
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(40);
    connect(m_poll, &QTimer::timeout, this, &CaseLoader::reportProgress);
}

CaseLoader::~CaseLoader()
{
    if (m_job) {
        m_job->cancel = true;
    }
    delete m_watcher;
}

QString CaseLoader::path() const
{
    return m_job ? m_job->path : QString();
}

void CaseLoader::start(const QString &path)
{
    if (m_job) {
        m_job->cancel = true;
        delete m_watcher;
        m_watcher = nullptr;
        m_job.reset();
    }
    auto job = std::make_shared<Job>();
    job->path = path;
    m_job = job;
    m_result = Result {};
    m_watcher = new QFutureWatcher<void>(this);
    connect(m_watcher, &QFutureWatcher<void>::finished, this, &CaseLoader::jobFinished);
    m_watcher->setFuture(job->promise.future());
    m_reported = -1;
    m_poll->start();
    job->promise.start();
    // The global pool: QCoreApplication waits for it on exit, so a worker still unwinding after
    // a cancel is never cut off mid-way by the end of the process.
    QThreadPool::globalInstance()->start([job] {
        job->result = load(
            job->path, true,
            [&job](Phase phase, double fraction) {
                job->phase = static_cast<int>(phase);
                job->permille = static_cast<int>(fraction * 1000);
            },
            &job->cancel);
        job->promise.finish();
    });
}

void CaseLoader::cancel()
{
    if (m_job) {
        m_job->cancel = true;
    }
}

void CaseLoader::reportProgress()
{
    if (!m_job) {
        return;
    }
    const int phase = m_job->phase;
    const int permille = m_job->permille;
    if (phase * 10000 + permille != m_reported) {
        m_reported = phase * 10000 + permille;
        Q_EMIT progressChanged(static_cast<Phase>(phase), permille / 1000.0);
    }
}

void CaseLoader::jobFinished()
{
    m_poll->stop();
    if (!m_job) {
        return;
    }
    const std::shared_ptr<Job> job = std::move(m_job);
    m_watcher->deleteLater(); // we are in its signal
    m_watcher = nullptr;
    m_result = std::move(job->result);
    if (job->cancel && m_result.outcome == Outcome::Opened) {
        // Finished just as it was cancelled: the caller asked for nothing, so it gets nothing.
        m_result = Result {Outcome::Cancelled, m_result.path, {}, {}};
        m_result.load.cancelled = true;
    }
    Q_EMIT finished(m_result.outcome);
}

CaseLoader::Result CaseLoader::takeResult()
{
    return std::exchange(m_result, Result {});
}

} // namespace AT
