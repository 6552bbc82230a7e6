#include "reimportdialog.h"

#include "plaintext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace AT {

namespace ReimportDialogs {

// Broken first: not found, ambiguous, moves, same place.
int severity(Citation::Anchor status)
{
    switch (status) {
    case Citation::Anchor::Orphaned:
        return 0;
    case Citation::Anchor::Ambiguous:
        return 1;
    case Citation::Anchor::Reanchored:
        return 2;
    case Citation::Anchor::Exact:
        return 3;
    case Citation::Anchor::Unchecked:
    case Citation::Anchor::ReferenceOnly: // not a status against a new text
        break;
    }
    return 4;
}

QString position(qint64 start, qint64 end)
{
    return start < 0 ? QStringLiteral("\u2014") : QStringLiteral("%1\u2013%2").arg(start).arg(end);
}

QString statusExplained(Citation::Anchor status)
{
    switch (status) {
    case Citation::Anchor::Exact:
        return QStringLiteral("The quote stands at the same position in the new text.");
    case Citation::Anchor::Reanchored:
        return QStringLiteral("The quote is found once elsewhere in the new text; the citation moves there.");
    case Citation::Anchor::Ambiguous:
        return QStringLiteral("The quote is found several times in the new text and its context does not say "
                              "which; the citation is kept as it is and the case check lists it.");
    case Citation::Anchor::Orphaned:
        return QStringLiteral("The quote is not in the new text; the citation is kept as it is and the case check "
                              "lists it.");
    case Citation::Anchor::Unchecked:
    case Citation::Anchor::ReferenceOnly:
        break;
    }
    return {};
}

QString counted(int n, const char *one, const char *many)
{
    return n == 1 ? QStringLiteral("1 %1").arg(QLatin1StringView(one))
                  : QStringLiteral("%1 %2").arg(n).arg(QLatin1StringView(many));
}

} // namespace ReimportDialogs

ReimportDialog::ReimportDialog(const ReimportPreview &preview, const QString &sourceName, QWidget *parent)
    : QDialog(parent)
    , m_preview(preview)
    , m_rows(preview.citations)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_summary(new QLabel)
{
    using namespace ReimportDialogs;
    setWindowTitle(QStringLiteral("Re-import Source"));
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const ReimportCitation &a, const ReimportCitation &b) {
        return severity(a.status) < severity(b.status);
    });

    m_table->setHorizontalHeaderLabels({QStringLiteral("Where"), QStringLiteral("Quote"),
                                        QStringLiteral("With the new text"),
                                        QStringLiteral("Position (old \u2192 new)")});
    m_table->setRowCount(int(m_rows.size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    for (int row = 0; row < m_rows.size(); ++row) {
        const ReimportCitation &c = m_rows.at(row);
        auto *where = new QTableWidgetItem(c.where);
        auto *quote = new QTableWidgetItem(c.citation.quote.simplified());
        auto *status = new QTableWidgetItem(reimportStatusName(c.status));
        const QString newPosition
            = c.status == Citation::Anchor::Exact ? QStringLiteral("same") : position(c.newStart, c.newEnd);
        auto *pos = new QTableWidgetItem(position(c.citation.start, c.citation.end) + QStringLiteral(" \u2192 ")
                                         + newPosition);
        where->setToolTip(plainToolTip(c.where));
        quote->setToolTip(plainToolTip(c.citation.quote));
        status->setToolTip(plainToolTip(statusExplained(c.status)));
        if (c.status == Citation::Anchor::Orphaned || c.status == Citation::Anchor::Ambiguous) {
            const QColor tint
                = c.status == Citation::Anchor::Orphaned ? QColor(0xf8, 0xd7, 0xda) : QColor(0xff, 0xf0, 0xc2);
            for (QTableWidgetItem *item : {where, quote, status, pos}) {
                item->setBackground(tint);
                item->setForeground(QColor(0x20, 0x20, 0x20));
            }
        }
        m_table->setItem(row, WhereColumn, where);
        m_table->setItem(row, QuoteColumn, quote);
        m_table->setItem(row, StatusColumn, status);
        m_table->setItem(row, PositionColumn, pos);
    }
    m_table->horizontalHeader()->setSectionResizeMode(WhereColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(QuoteColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PositionColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(WhereColumn, 300);

    const int total = int(preview.citations.size());
    const QString name = QStringLiteral("\u201c%1\u201d").arg(sourceName);
    QString summary;
    if (!preview.error.isEmpty()) {
        summary = preview.error;
    } else if (!preview.textChanged) {
        summary = QStringLiteral("The new text of %1 is the same as the stored text: there is nothing to replace.")
                      .arg(name);
    } else if (total == 0) {
        summary = QStringLiteral("Nothing in the case cites %1 yet: its text is replaced as it is.").arg(name);
    } else {
        summary = QStringLiteral("%1 of %2 with the new text: %3 in the same place, %4, %5 and %6.")
                      .arg(counted(total, "citation", "citations"), name)
                      .arg(preview.exact)
                      .arg(counted(preview.reanchored, "moves", "move"),
                           counted(preview.ambiguous, "is ambiguous", "are ambiguous"),
                           counted(preview.orphaned, "is not found", "are not found"));
        if (preview.ambiguous + preview.orphaned > 0) {
            summary += QStringLiteral(" Ambiguous and not-found citations are kept as they are; the case check "
                                      "lists them for you to fix.");
        }
    }
    if (preview.error.isEmpty() && preview.wasReferenceOnly) {
        QString before = QStringLiteral("%1 is a reference only: the case does not hold its text. The file becomes "
                                        "its text, and its citations are checked against it for the first time.")
                             .arg(name);
        if (preview.hashDiffers) {
            before += QStringLiteral(" The file's SHA-256 is not the one the reference records: it may be another "
                                     "text (another version or another article).");
        }
        summary = before + QLatin1Char(' ') + summary;
    }
    m_summary->setText(summary);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_replace = buttons->addButton(QStringLiteral("Replace Text"), QDialogButtonBox::AcceptRole);
    m_replace->setEnabled(preview.error.isEmpty() && preview.textChanged);
    m_replace->setDefault(m_replace->isEnabled());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1000, 480);
}

ReimportDialog::~ReimportDialog() = default;

} // namespace AT
