#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class QHBoxLayout;

namespace AT {

class CaseSession;

// Every active filter as a removable chip: the search text, actors, categories, a date range (a
// click on a year of the per-year chart sets one), sources, role, disputed-only, and a "Clear all"
// that also ends actor highlighting. Reads and writes the shared SelectionState only.
class FilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(CaseSession *session, QWidget *parent = nullptr);

    // The chips' texts, in order (for tests and accessibility).
    QStringList chipTexts() const;
    bool isActive() const { return !m_chips.isEmpty(); }

Q_SIGNALS:
    // Whether anything is filtered: the window shows the bar only then.
    void activeChanged(bool active);

private:
    void rebuild();
    void addChip(const QString &text, const std::function<void()> &remove);

    QPointer<CaseSession> m_session;
    QHBoxLayout *m_layout;
    QList<QWidget *> m_chips;
};

} // namespace AT
