#pragma once

// Watches a case switch from the inside: connected to every signal of a session, its selection and
// any models given, it checks in each handler that the session is whole (one case throughout) and
// records which signals came, so a test can assert that nothing was announced half-way.

#include "casesession.h"
#include "eventtablemodel.h"

#include <QMetaMethod>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace AT::Test {

class SessionProbe final : public QObject
{
    Q_OBJECT
public:
    // `events` (optional) is checked in every handler too: its rows must be events of the case.
    SessionProbe(CaseSession *session, EventTableModel *events, const QList<QObject *> &others = {})
        : m_session(session)
        , m_events(events)
    {
        QList<QObject *> senders {session, session->selection()};
        if (events) {
            senders << events;
        }
        senders << others;
        const QMetaMethod slot = metaObject()->method(metaObject()->indexOfSlot("check()"));
        for (QObject *sender : std::as_const(senders)) {
            const QMetaObject *meta = sender->metaObject();
            for (int i = 0; i < meta->methodCount(); ++i) {
                const QMetaMethod signal = meta->method(i);
                if (signal.methodType() == QMetaMethod::Signal && signal.access() == QMetaMethod::Public
                    && signal.name() != "destroyed" && signal.name() != "objectNameChanged") {
                    connect(sender, signal, this, slot);
                }
            }
        }
    }

    // Signals seen since the last clear(), as "Class::signal".
    QStringList seen;
    // What was inconsistent, with the signal it was found in.
    QStringList failures;
    void clear()
    {
        seen.clear();
        failures.clear();
    }
    qsizetype count(const char *signal) const { return seen.count(QLatin1String(signal)); }

public Q_SLOTS:
    void check()
    {
        const QMetaMethod signal = sender()->metaObject()->method(senderSignalIndex());
        const QString name = QString::fromLatin1(sender()->metaObject()->className()).section(QLatin1String("::"), -1)
            + QLatin1String("::") + QString::fromLatin1(signal.name());
        seen << name;
        auto fail = [&](const QString &what) { failures << name + QLatin1String(": ") + what; };
        const CaseIndex &index = m_session->index();
        const qsizetype n = index.eventCount();
        if (m_session->kase().events.size() != n || index.chronological().size() != n) {
            fail(QStringLiteral("index and case disagree"));
        }
        const QList<qsizetype> &visible = m_session->visibleEvents();
        if (visible.size() > n || m_session->visibleRanks().size() != visible.size()) {
            fail(QStringLiteral("%1 visible events of %2").arg(visible.size()).arg(n));
        }
        for (qsizetype e : visible) {
            if (e < 0 || e >= n) {
                fail(QStringLiteral("visible event %1 of %2").arg(e).arg(n));
                break;
            }
        }
        const qsizetype current = m_session->selection()->currentEvent();
        if (current < -1 || current >= n) {
            fail(QStringLiteral("current event %1 of %2").arg(current).arg(n));
        }
        // Between "about to" and the change itself a model still holds what it had: Qt's contract
        // is that nobody reads it then.
        if (m_events && !signal.name().contains("AboutTo")) {
            if (m_events->rowCount() != visible.size()) {
                fail(QStringLiteral("%1 table rows for %2 visible events")
                         .arg(m_events->rowCount())
                         .arg(visible.size()));
            }
            for (int r = 0; r < m_events->rowCount(); ++r) {
                if (m_events->eventAt(r) >= n) {
                    fail(QStringLiteral("table row %1 is event %2 of %3").arg(r).arg(m_events->eventAt(r)).arg(n));
                    break;
                }
            }
            if (current >= 0 && m_events->rowOfEvent(current) >= m_events->rowCount()) {
                fail(QStringLiteral("row of the current event out of range"));
            }
        }
    }

private:
    QPointer<CaseSession> m_session;
    QPointer<EventTableModel> m_events;
};

} // namespace AT::Test
