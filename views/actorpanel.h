#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace AT {

class SelectionState;

// Actors grouped by kind with their event counts (which follow the filter), and for the selected
// actor its aliases, affiliations and the claims that name it. Selecting an actor highlights its
// events everywhere; "Only this actor" restricts the filter to it.
class ActorPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ActorPanel(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *actors);
    void setSelectionState(SelectionState *state);
    QTreeView *view() const { return m_tree; }
    QPlainTextEdit *details() const { return m_details; }
    QPushButton *filterButton() const { return m_filter; }

private:
    void showActor(const QString &actorId);
    QModelIndex findActor(const QString &actorId) const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<SelectionState> m_selection;
    QTreeView *m_tree;
    QPlainTextEdit *m_details;
    QPushButton *m_filter;
};

} // namespace AT
