#include "plaintext.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QLabel>
#include <QMessageBox>
#include <QToolTip>
#include <QWhatsThis>

namespace AT {

QString plainToolTip(const QString &text)
{
    // White space is kept as written (pre-wrap), where a CR would be a second line break.
    QString lines = text;
    lines.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return QStringLiteral("<p style='white-space:pre-wrap'>") + lines.toHtmlEscaped() + QStringLiteral("</p>");
}

QString chartText(const QString &text)
{
    return text.toHtmlEscaped();
}

namespace {
// Answers the viewport's help events before the view hands them to its delegate, which would pass
// the text to QToolTip or QWhatsThis as it is.
class PlainToolTipFilter final : public QObject
{
public:
    explicit PlainToolTipFilter(QAbstractItemView *view)
        : QObject(view)
        , m_view(view)
        , m_viewport(view->viewport())
    { }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Only the pointer is compared: the viewport sees events while the view is being destroyed.
        if (watched != m_viewport || (event->type() != QEvent::ToolTip && event->type() != QEvent::WhatsThis)) {
            return false;
        }
        auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = m_view->indexAt(help->pos());
        const bool tooltip = event->type() == QEvent::ToolTip;
        const QString text = index.data(tooltip ? Qt::ToolTipRole : Qt::WhatsThisRole).toString();
        if (tooltip) {
            if (text.isEmpty()) {
                QToolTip::hideText();
            } else {
                // Hidden again when the pointer leaves the item, as the delegate would do.
                QToolTip::showText(help->globalPos(), plainToolTip(text), m_view->viewport(),
                                   m_view->visualRect(index));
            }
        } else if (!text.isEmpty()) {
            QWhatsThis::showText(help->globalPos(), plainToolTip(text), m_view);
        }
        event->setAccepted(!text.isEmpty());
        return true;
    }

private:
    QAbstractItemView *m_view;
    QObject *m_viewport;
};
} // namespace

void showItemToolTipsAsPlainText(QAbstractItemView *view)
{
    view->viewport()->installEventFilter(new PlainToolTipFilter(view));
}

void setPlainInformativeText(QMessageBox *box, const QString &text)
{
    box->setInformativeText(text);
    for (QLabel *label : box->findChildren<QLabel *>()) {
        if (label->text() == text) {
            label->setTextFormat(Qt::PlainText);
        }
    }
}

QString isolated(const QString &text)
{
    QString inner = text;
    inner.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
    });
    return QChar(0x2068) + inner + QChar(0x2069);
}

} // namespace AT
