#include "filterbar.h"

#include "casesession.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace AT {

FilterBar::FilterBar(CaseSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(4, 2, 4, 2);
    auto *label = new QLabel(QStringLiteral("Showing only:"));
    label->setTextFormat(Qt::PlainText);
    m_layout->addWidget(label);
    m_layout->addStretch(1);
    setAccessibleName(QStringLiteral("Active filters"));
    SelectionState *sel = session->selection();
    connect(sel, &SelectionState::filterChanged, this, &FilterBar::rebuild);
    connect(sel, &SelectionState::currentActorChanged, this, &FilterBar::rebuild);
    connect(session, &CaseSession::caseChanged, this, &FilterBar::rebuild);
    rebuild();
}

QStringList FilterBar::chipTexts() const
{
    QStringList out;
    for (const QWidget *chip : m_chips) {
        out << static_cast<const QToolButton *>(chip)->text();
    }
    return out;
}

void FilterBar::addChip(const QString &text, const std::function<void()> &remove)
{
    auto *chip = new QToolButton;
    // QToolButton shows text as plain text; '&' would become a shortcut mark, so it is doubled.
    chip->setText(QString(text).replace(QLatin1Char('&'), QStringLiteral("&&")));
    chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    chip->setAutoRaise(false);
    chip->setToolTip(QStringLiteral("Remove this filter"));
    chip->setAccessibleName(QStringLiteral("Remove filter: ") + text);
    connect(chip, &QToolButton::clicked, this, remove);
    m_layout->insertWidget(m_layout->count() - 1, chip);
    m_chips << chip;
}

void FilterBar::rebuild()
{
    // A chip's own click may have caused this rebuild: let it finish before it goes.
    for (QWidget *chip : std::as_const(m_chips)) {
        chip->hide();
        m_layout->removeWidget(chip);
        chip->deleteLater();
    }
    m_chips.clear();
    if (!m_session) {
        return;
    }
    SelectionState *sel = m_session->selection();
    const EventFilter f = sel->filter();
    const Case &kase = m_session->kase();
    auto change = [sel](auto edit) {
        return [sel, edit] {
            EventFilter g = sel->filter();
            edit(g);
            sel->setFilter(g);
        };
    };
    const QString x = QStringLiteral("  \u00d7");
    if (!f.text.isEmpty()) {
        addChip(QStringLiteral("Search: \u201c%1\u201d").arg(f.text) + x,
                change([](EventFilter &g) { g.text.clear(); }));
    }
    QStringList actors(f.actors.cbegin(), f.actors.cend());
    actors.sort();
    for (const QString &id : std::as_const(actors)) {
        const Actor *a = kase.actor(id);
        addChip(QStringLiteral("Actor: ") + (a ? a->name : id) + x,
                change([id](EventFilter &g) { g.actors.remove(id); }));
    }
    if (!f.role.isEmpty()) {
        addChip(QStringLiteral("Role: ") + f.role + x, change([](EventFilter &g) { g.role.clear(); }));
    }
    QStringList categories(f.categories.cbegin(), f.categories.cend());
    categories.sort();
    for (const QString &c : std::as_const(categories)) {
        addChip(QStringLiteral("Category: ") + c + x, change([c](EventFilter &g) { g.categories.remove(c); }));
    }
    if (f.fromDay || f.toDay) {
        const QDate from = QDate::fromJulianDay(f.fromDay);
        const QDate to = QDate::fromJulianDay(f.toDay);
        QString range;
        if (f.fromDay && f.toDay && from.year() == to.year() && from == QDate(from.year(), 1, 1)
            && to == QDate(to.year(), 12, 31)) {
            range = QString::number(from.year());
        } else {
            range = (f.fromDay ? from.toString(Qt::ISODate) : QStringLiteral("\u2026")) + QStringLiteral(" \u2013 ")
                + (f.toDay ? to.toString(Qt::ISODate) : QStringLiteral("\u2026"));
        }
        if (f.byFirstDay) {
            range += QStringLiteral(" (by first day)"); // as the per-year chart counts
        }
        addChip(QStringLiteral("Dates: ") + range + x, change([](EventFilter &g) {
                    g.fromDay = 0;
                    g.toDay = 0;
                    g.byFirstDay = false;
                }));
    }
    QStringList sources(f.sources.cbegin(), f.sources.cend());
    sources.sort();
    for (const QString &id : std::as_const(sources)) {
        const Source *s = kase.source(id);
        addChip(QStringLiteral("Source: ") + (s ? displayTitle(*s) : id) + x,
                change([id](EventFilter &g) { g.sources.remove(id); }));
    }
    QStringList claimants(f.claimedBy.cbegin(), f.claimedBy.cend());
    claimants.sort();
    for (const QString &id : std::as_const(claimants)) {
        const Actor *a = kase.actor(id);
        addChip(QStringLiteral("Claims by: ") + (a ? a->name : id) + x,
                change([id](EventFilter &g) { g.claimedBy.remove(id); }));
    }
    if (f.disputedOnly) {
        addChip(QStringLiteral("Disputed only") + x, change([](EventFilter &g) { g.disputedOnly = false; }));
    }
    if (!sel->currentActor().isEmpty()) {
        const Actor *a = kase.actor(sel->currentActor());
        addChip(QStringLiteral("Highlighted: ") + (a ? a->name : sel->currentActor()) + x,
                [sel] { sel->setCurrentActor(QString()); });
    }
    if (!m_chips.isEmpty()) {
        addChip(QStringLiteral("Clear all"), [sel] { sel->clearFilter(); });
        m_chips.last()->setToolTip(QStringLiteral("Remove every filter and end highlighting (Esc)"));
    }
    Q_EMIT activeChanged(!m_chips.isEmpty());
}

} // namespace AT
