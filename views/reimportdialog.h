#pragma once

#include "reimport.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace AT {

// Before a changed file replaces a source's text: every citation of the source, where it is, its
// quote, and what becomes of it with the new text (stays, moves, ambiguous, not found), the ones
// that break first. Replace accepts the dialog; the caller then applies reimportEdit() as one undo
// step. When the new text is the same as the stored one there is nothing to replace.
class ReimportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column { WhereColumn, QuoteColumn, StatusColumn, PositionColumn, ColumnCount };

    ReimportDialog(const ReimportPreview &preview, const QString &sourceName, QWidget *parent = nullptr);
    ~ReimportDialog() override;

    const ReimportPreview &preview() const { return m_preview; }
    // The preview's citations in the order of the table's rows.
    const QList<ReimportCitation> &rows() const { return m_rows; }

    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *replaceButton() const { return m_replace; }

private:
    ReimportPreview m_preview;
    QList<ReimportCitation> m_rows;
    QTableWidget *m_table;
    QLabel *m_summary;
    QPushButton *m_replace = nullptr;
};

} // namespace AT
