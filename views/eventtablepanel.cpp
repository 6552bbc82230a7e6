#include "eventtablepanel.h"

#include "eventtablemodel.h"
#include "highlightdelegate.h"
#include "plaintext.h"
#include "roles.h"
#include "selectionstate.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace AT {

EventTablePanel::EventTablePanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableView)
    , m_highlight(new HighlightDelegate(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_sorting(new QLabel(this))
{
    m_table->setItemDelegate(m_highlight);
    showItemToolTipsAsPlainText(m_table);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAccessibleName(QStringLiteral("Events"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    m_sorting->setText(QStringLiteral("Sorting the events by title\u2026 (they are in time order until then; "
                                      "sort by another column to stop)"));
    m_sorting->setWordWrap(true);
    m_sorting->hide();
    layout->addWidget(m_sorting);

    // Search: each keystroke narrows every view, after a short pause so typing stays fluid.
    m_search->setPlaceholderText(QStringLiteral("Search events, quotes, actors and aliases (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(QStringLiteral("Search"));
    m_search->setMinimumWidth(280);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        if (!m_selection) {
            return;
        }
        EventFilter f = m_selection->filter();
        f.text = m_search->text();
        m_highlight->setHighlight(f.text);
        m_selection->setFilter(f);
        m_table->viewport()->update();
    });
}

void EventTablePanel::setModel(EventTableModel *events)
{
    m_events = events;
    m_table->setModel(events);
    m_sorting->setVisible(events && events->isSortPending());
    if (events) {
        connect(events, &EventTableModel::sortPendingChanged, m_sorting, &QLabel::setVisible);
    }
    m_table->sortByColumn(EventTableModel::DateColumn, Qt::AscendingOrder);
    // The title gets the room; the narrow columns fit their contents; everything scrolls sideways if need be.
    QHeaderView *header = m_table->horizontalHeader();
    // Widths come from the font, not from the rows: ResizeToContents would visit every row of a large case.
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = m_table->fontMetrics();
    header->resizeSection(EventTableModel::DateColumn,
                          fm.horizontalAdvance(QStringLiteral("c. 25 Mar 2024 \u2013 \u2026")) + 16);
    header->resizeSection(EventTableModel::SourcesColumn, fm.horizontalAdvance(QStringLiteral("Sources")) + 24);
    // Wide enough for "only less specific": a point where one account is only less specific is no dispute.
    header->resizeSection(EventTableModel::DisputedColumn,
                          std::max(fm.horizontalAdvance(QStringLiteral("Disputed")),
                                   fm.horizontalAdvance(QStringLiteral("only less specific")))
                              + 16);
    header->resizeSection(EventTableModel::TitleColumn, 260);
    header->resizeSection(EventTableModel::CategoryColumn, 110);
    header->resizeSection(EventTableModel::ActorsColumn, 200);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_selection && current.isValid()) {
                    m_selection->setCurrentEvent(current.data(EventIndexRole).value<qsizetype>());
                }
            });
    // A new case resets the filter without a signal; the model's reset is when to show it.
    connect(events, &QAbstractItemModel::modelReset, this, &EventTablePanel::showFilterText);
}

void EventTablePanel::setSelectionState(SelectionState *state)
{
    m_selection = state;
    connect(state, &SelectionState::currentEventChanged, this, [this](qsizetype event) {
        if (!m_events) {
            return;
        }
        const QModelIndex row = m_events->index(m_events->rowOfEvent(event), 0);
        if (row.isValid()) {
            m_table->selectionModel()->setCurrentIndex(row,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(row);
        } else {
            m_table->selectionModel()->clearSelection();
        }
    });
    connect(state, &SelectionState::filterChanged, this, &EventTablePanel::showFilterText);
}

void EventTablePanel::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void EventTablePanel::clearSearch()
{
    const QSignalBlocker blocker(m_search);
    m_search->clear();
    m_searchDelay->stop();
    m_highlight->setHighlight(QString());
}

void EventTablePanel::showFilterText()
{
    if (!m_selection || m_searchDelay->isActive()) {
        return;
    }
    const QString text = m_selection->filter().text;
    if (m_search->text() != text) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(text);
    }
    if (m_highlight->highlight() != text) {
        m_highlight->setHighlight(text);
        m_table->viewport()->update();
    }
}

} // namespace AT
