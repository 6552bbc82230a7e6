#include "coveragepanel.h"

#include "plaintext.h"
#include "roles.h"
#include "sentencecoveragemodel.h"
#include "sourcecoverage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace AT {

namespace {
// Only the sentences of one status (or all: -1).
class StatusFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setStatus(int status)
    {
        m_status = status;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return m_status < 0 || sourceModel()->index(row, 0, parent).data(SentenceStatusRole).toInt() == m_status;
    }

private:
    int m_status = -1;
};
} // namespace

CoveragePanel::CoveragePanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new StatusFilter(this))
    , m_summary(new QLabel)
    , m_filter(new QComboBox)
    , m_table(new QTableView)
{
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(QStringLiteral("Coverage of the source shown"));
    m_filter->setAccessibleName(QStringLiteral("Show sentences"));
    m_filter->addItem(QStringLiteral("All sentences"), -1);
    m_filter->addItem(QStringLiteral("Unreviewed"), int(SentenceStatus::Unreviewed));
    m_filter->addItem(QStringLiteral("Reviewed, not used"), int(SentenceStatus::Reviewed));
    m_filter->addItem(QStringLiteral("Cited"), int(SentenceStatus::Cited));
    m_proxy->setSortRole(SortRole);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SentenceCoverageModel::PositionColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(QStringLiteral("Sentences of the source shown"));
    showItemToolTipsAsPlainText(m_table);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this] { static_cast<StatusFilter *>(m_proxy)->setStatus(m_filter->currentData().toInt()); });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT sentenceActivated(index.data(Utf16StartRole).toLongLong(), index.data(Utf16EndRole).toLongLong());
    });
    setSummary(QString());
}

void CoveragePanel::setModel(QAbstractItemModel *sentences)
{
    m_sentences = sentences;
    m_proxy->setSourceModel(sentences);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(SentenceCoverageModel::PositionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SentenceCoverageModel::StatusColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SentenceCoverageModel::SentenceColumn, QHeaderView::Interactive);
    // The sentence and why side by side in a panel a third of the window wide, each in full in the
    // row's tooltip. The position only orders the rows (as sorting by the sentence does).
    m_table->setColumnHidden(SentenceCoverageModel::PositionColumn, true);
    m_table->setColumnWidth(SentenceCoverageModel::SentenceColumn, 160);
}

void CoveragePanel::setSummary(const QString &text)
{
    m_summary->setText(text.isEmpty() ? QStringLiteral("Show a source in the reader to see which of its sentences "
                                                       "the case accounts for.")
                                      : text);
}

QString CoveragePanel::summary() const
{
    return m_summary->text();
}

} // namespace AT
