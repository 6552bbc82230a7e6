#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace AT {

// Source coverage of the source shown: how many of its sentences the case accounts for, and each
// sentence with its status (cited, reviewed and not used, unreviewed) and by what it is cited or
// why it is not used. A sentence activated (double-click, Enter) is shown in the reader.
class CoveragePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit CoveragePanel(QWidget *parent = nullptr);

    // SentenceCoverageModel's roles.
    void setModel(QAbstractItemModel *sentences);
    // The line above the table: "s002: 28 of 31 sentences accounted for (90%), 3 unreviewed".
    void setSummary(const QString &text);

    QTableView *table() const { return m_table; }
    QComboBox *statusFilter() const { return m_filter; }
    QString summary() const;

Q_SIGNALS:
    // A sentence was activated: its place in the source text, as UTF-16 offsets.
    void sentenceActivated(qint64 start, qint64 end);

private:
    QPointer<QAbstractItemModel> m_sentences;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_summary;
    QComboBox *m_filter;
    QTableView *m_table;
};

} // namespace AT
