#pragma once

#include "sourcecoverage.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace AT {

class CaseSession;

// The sentences of the source shown (SelectionState::currentSource), one row each, with whether
// the case accounts for it: cited (and by what), reviewed and not used (and why), or unreviewed.
// Follows the case and the shown source; empty for none and for a reference only.
class SentenceCoverageModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PositionColumn, StatusColumn, SentenceColumn, WhyColumn, ColumnCount };

    explicit SentenceCoverageModel(CaseSession *session, QObject *parent = nullptr);

    QString sourceId() const { return m_coverage.sourceId; }
    const SourceCoverage &coverage() const { return m_coverage; }
    // "s002: 28 of 31 sentences accounted for (90%), 3 unreviewed"; empty when no source is shown.
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    QString why(const SentenceCoverage &s) const;
    QPointer<CaseSession> m_session;
    SourceCoverage m_coverage;
    QString m_text; // the source's text
    QList<qint64> m_utf16; // start and end of each sentence in the text, as QString offsets
};

} // namespace AT
