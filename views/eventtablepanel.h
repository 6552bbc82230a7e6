#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace AT {

class EventTableModel;
class HighlightDelegate;
class SelectionState;

// The events as a sortable table, and the search field that narrows every view. The table
// follows the shared selection and sets it; the search field sets the filter's text a moment
// after typing stops. The field is the panel's, but the window places it (in its toolbar).
class EventTablePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit EventTablePanel(QWidget *parent = nullptr);

    void setModel(EventTableModel *events);
    void setSelectionState(SelectionState *state);

    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    // Focuses the search field with its text selected (Ctrl+F).
    void focusSearch();
    // Empties the search field and forgets a search still waiting to apply, without touching the
    // filter: for a new case, whose filter starts empty.
    void clearSearch();

private:
    // The field and the highlight show the filter's text (unless a search is waiting to apply).
    void showFilterText();

    EventTableModel *m_events = nullptr;
    SelectionState *m_selection = nullptr;
    QTableView *m_table;
    HighlightDelegate *m_highlight;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QLabel *m_sorting; // "Sorting … by title": shown while the model works the order out
};

} // namespace AT
