#include "formparts.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace AT {

namespace {
constexpr int IdRole = Qt::UserRole;
// The accessible name of a RowGrid cell, with %1 for its row number.
constexpr const char *NameTemplate = "at_nameTemplate";

// A plain-text edit that asks for room for a given number of lines, and at least two.
class LinesEdit final : public QPlainTextEdit
{
public:
    explicit LinesEdit(int lines)
        : m_lines(lines)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    }
    QSize sizeHint() const override { return {QPlainTextEdit::sizeHint().width(), heightFor(m_lines)}; }
    QSize minimumSizeHint() const override
    {
        return {QPlainTextEdit::minimumSizeHint().width(), heightFor(std::min(m_lines, 2))};
    }

private:
    int heightFor(int lines) const
    {
        const QMargins m = contentsMargins();
        return fontMetrics().lineSpacing() * lines + m.top() + m.bottom()
            + 2 * static_cast<int>(document()->documentMargin()) + 2;
    }
    int m_lines;
};

// A scroll area that asks for the height of what it shows, up to a limit, so that a short list needs
// no scrolling and a long one does not push the rest of the form away.
class FitScrollArea final : public QScrollArea
{
public:
    explicit FitScrollArea(int fitUpTo)
        : m_fitUpTo(fitUpTo)
    { }
    QSize minimumSizeHint() const override
    {
        QSize size = QScrollArea::minimumSizeHint();
        if (!widget()) {
            return size;
        }
        // Never narrower than what it shows: it scrolls up and down only, so a narrower area would cut
        // off the right of every row.
        const int frame = 2 * frameWidth();
        const int scrollBar = verticalScrollBar()->sizeHint().width();
        size.setWidth(std::max(size.width(), widget()->minimumSizeHint().width() + frame + scrollBar));
        if (m_fitUpTo > 0) {
            size.setHeight(std::max(size.height(), std::min(widget()->sizeHint().height() + frame, m_fitUpTo)));
        }
        return size;
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest) {
            updateGeometry();
        }
        return QScrollArea::eventFilter(watched, event);
    }

private:
    int m_fitUpTo;
};

// Lets the wheel change a combo box or spin box only while it has the focus; otherwise the wheel
// scrolls the form, instead of silently changing an actor or a year the pointer passes over.
class WheelGuard final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Wheel && !static_cast<QWidget *>(watched)->hasFocus()) {
            event->ignore(); // goes on to the scroll area
            return true;
        }
        return false;
    }
};
} // namespace

void guardWheel(QWidget *widget)
{
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(new WheelGuard(widget));
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c") + isolated(text) + QStringLiteral("\u201d");
}

QLabel *plainLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    if (buddy) {
        label->setBuddy(buddy);
    }
    return label;
}

QLabel *sectionLabel(const QString &text, QWidget *buddy)
{
    QLabel *label = plainLabel(text, buddy);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QString mnemonicSafe(QString text)
{
    text.replace(QLatin1Char('&'), QStringLiteral("&&"));
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return text;
}

QPlainTextEdit *plainTextEdit(int lines)
{
    auto *edit = new LinesEdit(lines);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}

QComboBox *choiceCombo(const QStringList &choices, const QString &current)
{
    auto *box = new QComboBox;
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItems(choices);
    box->setCurrentIndex(-1);
    box->setCurrentText(current);
    // Inline completion would turn a typed "den" into "denial" under the cursor; a popup only offers.
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setFilterMode(Qt::MatchContains);
    // Case-sensitive: a combo box whose completer ignores case replaces a typed "Attacker" with the
    // choice "attacker" when editing ends, and the journalist's own wording is kept as typed.
    box->completer()->setCaseSensitivity(Qt::CaseSensitive);
    guardWheel(box);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    return box;
}

QScrollArea *scrolled(QWidget *widget, int fitUpTo)
{
    auto *area = new FitScrollArea(fitUpTo);
    widget->setContentsMargins(4, 4, 4, 4);
    area->setWidget(widget);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::StyledPanel);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    widget->installEventFilter(area);
    return area;
}

QWidget *section(const QString &heading, QWidget *content, QWidget *buddy, int stretch)
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(sectionLabel(heading, buddy ? buddy : content));
    layout->addWidget(content, stretch);
    return w;
}

QWidget *notesSection(QPlainTextEdit *notes)
{
    notes->setAccessibleName(QStringLiteral("Your notes"));
    notes->setAccessibleDescription(QStringLiteral("Private: your own words, never shown as something a source says"));
    notes->setPlaceholderText(QStringLiteral("Leads, doubts, what to check next\u2026"));
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(sectionLabel(QStringLiteral("Your &notes"), notes));
    QLabel *info = plainLabel(QStringLiteral("Private. These are your own words: they are never shown as something "
                                             "a source says."));
    info->setWordWrap(true);
    QFont small = info->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    info->setFont(small);
    layout->addWidget(info);
    layout->addWidget(notes, 1);
    return w;
}

QStringList distinctSorted(QStringList values)
{
    values.removeAll(QString());
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) {
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

void setKeptText(QLineEdit *edit, KeptText *kept, const QString &text)
{
    edit->setText(text);
    edit->setCursorPosition(0); // a long text shows its beginning
    kept->set(text, edit->text());
}

void setKeptText(QPlainTextEdit *edit, KeptText *kept, const QString &text)
{
    edit->setPlainText(text);
    kept->set(text, edit->toPlainText());
}

void setKeptText(QComboBox *box, KeptText *kept, const QString &text)
{
    box->setCurrentText(text);
    if (box->lineEdit()) {
        box->lineEdit()->setCursorPosition(0);
    }
    kept->set(text, box->currentText());
}

QString keptText(const QLineEdit *edit, const KeptText &kept)
{
    return kept.value(edit->text());
}

QString keptText(const QPlainTextEdit *edit, const KeptText &kept)
{
    return kept.value(edit->toPlainText());
}

QString keptText(const QComboBox *box, const KeptText &kept)
{
    return kept.value(box->currentText());
}

QString actorLabel(const Case &kase, const QString &actorId)
{
    const Actor *actor = kase.actor(actorId);
    if (!actor) {
        return QStringLiteral("unknown actor %1").arg(quoted(actorId));
    }
    const bool shared = std::any_of(kase.actors.cbegin(), kase.actors.cend(),
                                    [&](const Actor &a) { return a.id != actor->id && a.name == actor->name; });
    if (actor->name.isEmpty()) {
        return QStringLiteral("(no name, id %1)").arg(actor->id);
    }
    return shared ? QStringLiteral("%1 (%2)").arg(isolated(actor->name), isolated(actor->id)) : actor->name;
}

void fillActorCombo(QComboBox *box, const Case &kase, const QString &noneText)
{
    box->clear();
    box->addItem(noneText, QString());
    QList<std::pair<QString, QString>> actors;
    actors.reserve(kase.actors.size());
    for (const Actor &a : kase.actors) {
        actors.append({actorLabel(kase, a.id), a.id});
    }
    std::stable_sort(actors.begin(), actors.end(),
                     [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    for (const auto &[label, id] : actors) {
        box->addItem(label, id);
    }
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(14);
    guardWheel(box);
}

void chooseId(QComboBox *box, const QString &id, const QString &unknownText)
{
    int i = box->findData(id, IdRole, Qt::MatchExactly);
    if (i < 0) {
        box->addItem(unknownText.arg(quoted(id)), id);
        i = box->count() - 1;
    }
    box->setCurrentIndex(i);
}

QString chosenId(const QComboBox *box)
{
    return box->currentData(IdRole).toString();
}

// --- CitationListEdit

CitationListEdit::CitationListEdit(const Case *kase, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_case(kase)
    , m_name(accessibleName)
    , m_layout(new QVBoxLayout(this))
    , m_empty(plainLabel(QStringLiteral("None. Citations are added from the source reader: select the passage "
                                        "and cite it.")))
{
    setAccessibleName(accessibleName);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(10);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_layout->addWidget(m_empty);
    m_layout->addStretch(1);
}

void CitationListEdit::setName(const QString &accessibleName)
{
    m_name = accessibleName;
    setAccessibleName(accessibleName);
    for (int i = 0; i < m_labels.size(); ++i) {
        m_labels.at(i)->setAccessibleName(QStringLiteral("%1 %2").arg(m_name).arg(i + 1));
        m_buttons.at(i)->setAccessibleName(QStringLiteral("Remove %1 %2").arg(m_name.toLower()).arg(i + 1));
    }
}

void CitationListEdit::setCitations(const QList<Citation> &citations)
{
    m_citations = citations;
    rebuild();
}

QString CitationListEdit::citationText(int i) const
{
    const Citation &c = m_citations.at(i);
    const Source *source = m_case ? m_case->source(c.sourceId) : nullptr;
    const QString from = source ? displayTitle(*source) : QStringLiteral("unknown source %1").arg(quoted(c.sourceId));
    return quoted(c.quote) + QStringLiteral("\n\u2014 ") + isolated(from);
}

QPushButton *CitationListEdit::removeButton(int i) const
{
    return m_buttons.value(i);
}

QLabel *CitationListEdit::citationLabel(int i) const
{
    return m_labels.value(i);
}

void CitationListEdit::rebuild()
{
    const bool hadFocus
        = std::any_of(m_buttons.cbegin(), m_buttons.cend(), [](QPushButton *b) { return b->hasFocus(); });
    for (QLabel *l : std::as_const(m_labels)) {
        l->hide();
        l->deleteLater();
    }
    for (QPushButton *b : std::as_const(m_buttons)) {
        b->hide();
        b->deleteLater();
    }
    m_labels.clear();
    m_buttons.clear();
    // Remove every row layout but the empty label and the stretch.
    while (m_layout->count() > 2) {
        QLayoutItem *item = m_layout->takeAt(1);
        delete item;
    }
    QWidget *previous = nullptr;
    for (int i = 0; i < m_citations.size(); ++i) {
        auto *label = plainLabel(citationText(i));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setAccessibleName(QStringLiteral("%1 %2").arg(m_name).arg(i + 1));
        auto *remove = new QPushButton(QStringLiteral("Remove"));
        remove->setAutoDefault(false);
        remove->setAccessibleName(QStringLiteral("Remove %1 %2").arg(m_name.toLower()).arg(i + 1));
        remove->setAccessibleDescription(citationText(i));
        auto *row = new QHBoxLayout;
        row->addWidget(label, 1);
        row->addWidget(remove, 0, Qt::AlignTop);
        m_layout->insertLayout(1 + i, row);
        connect(remove, &QPushButton::clicked, this, [this, remove] { removeAt(m_buttons.indexOf(remove)); });
        m_labels.append(label);
        m_buttons.append(remove);
        if (previous) {
            setTabOrder(previous, remove);
        }
        previous = remove;
    }
    m_empty->setVisible(m_citations.isEmpty());
    if (hadFocus) {
        if (!m_buttons.isEmpty()) {
            m_buttons.constLast()->setFocus();
        } else {
            focusNextChild();
        }
    }
}

void CitationListEdit::removeAt(int i)
{
    if (i < 0 || i >= m_citations.size()) {
        return;
    }
    m_citations.removeAt(i);
    const bool focus = m_buttons.at(i)->hasFocus();
    rebuild();
    if (focus && !m_buttons.isEmpty()) {
        m_buttons.at(std::min<qsizetype>(i, m_buttons.size() - 1))->setFocus();
    }
    Q_EMIT changed();
}

// --- CheckList

CheckList::CheckList(const QString &accessibleName, QWidget *parent)
    : QListWidget(parent)
{
    setAccessibleName(accessibleName);
    setWordWrap(true);
    setUniformItemSizes(false);
    setTextElideMode(Qt::ElideRight);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    connect(this, &QListWidget::itemChanged, this, &CheckList::changed);
}

void CheckList::setItems(const QList<std::pair<QString, QString>> &items, const QStringList &checked,
                         const QString &unknownText)
{
    const QSignalBlocker block(this);
    clear();
    m_given = checked;
    auto add = [this, &checked](const QString &id, const QString &label) {
        auto *item = new QListWidgetItem(label, this);
        item->setData(IdRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(id) ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::AccessibleTextRole, label);
    };
    for (const auto &[id, label] : items) {
        add(id, label);
    }
    for (const QString &id : checked) {
        if (rowOf(id) < 0) {
            add(id, unknownText.arg(quoted(id)));
        }
    }
}

int CheckList::rowOf(const QString &id) const
{
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(IdRole).toString() == id) {
            return i;
        }
    }
    return -1;
}

void CheckList::setChecked(const QString &id, bool checked)
{
    const int row = rowOf(id);
    if (row >= 0) {
        item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList CheckList::checkedIds() const
{
    auto isChecked = [this](const QString &id) {
        const int row = rowOf(id);
        return row >= 0 && item(row)->checkState() == Qt::Checked;
    };
    QStringList ids;
    for (const QString &id : m_given) {
        if (isChecked(id)) {
            ids.append(id);
        }
    }
    for (int i = 0; i < count(); ++i) {
        const QString id = item(i)->data(IdRole).toString();
        if (item(i)->checkState() == Qt::Checked && !m_given.contains(id)) {
            ids.append(id);
        }
    }
    return ids;
}

// --- ActorSetEdit

ActorSetEdit::ActorSetEdit(const Case *kase, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_case(kase)
    , m_names(plainLabel(QString()))
    , m_button(new QToolButton)
    , m_menu(new QMenu(this))
{
    setName(accessibleName);
    m_names->setWordWrap(true);
    m_button->setText(QStringLiteral("Choose\u2026"));
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setMenu(m_menu);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_names, 1);
    layout->addWidget(m_button, 0, Qt::AlignTop);
}

void ActorSetEdit::setName(const QString &accessibleName)
{
    setAccessibleName(accessibleName);
    m_names->setAccessibleName(accessibleName);
    m_button->setAccessibleName(QStringLiteral("Choose: ") + accessibleName);
}

void ActorSetEdit::setIds(const QStringList &ids)
{
    m_chosen = ids;
    m_menu->clear();
    QList<std::pair<QString, QString>> actors;
    for (const Actor &a : m_case->actors) {
        actors.append({actorLabel(*m_case, a.id), a.id});
    }
    std::stable_sort(actors.begin(), actors.end(),
                     [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
    for (const QString &id : ids) {
        if (!m_case->actor(id)
            && std::none_of(actors.cbegin(), actors.cend(), [&](const auto &a) { return a.second == id; })) {
            actors.append({actorLabel(*m_case, id), id});
        }
    }
    for (const auto &[label, id] : actors) {
        QAction *action = m_menu->addAction(mnemonicSafe(label));
        action->setCheckable(true);
        action->setChecked(ids.contains(id));
        action->setData(id);
        connect(action, &QAction::toggled, this, [this, id](bool on) {
            // The ids given keep their order; those chosen since follow in the order chosen.
            if (on && !m_chosen.contains(id)) {
                m_chosen.append(id);
            } else if (!on) {
                m_chosen.removeAll(id);
            }
            updateNames();
            Q_EMIT changed();
        });
    }
    updateNames();
}

QStringList ActorSetEdit::ids() const
{
    return m_chosen;
}

void ActorSetEdit::setChosen(const QString &id, bool chosen)
{
    for (QAction *a : m_menu->actions()) {
        if (a->data().toString() == id) {
            a->setChecked(chosen);
        }
    }
}

void ActorSetEdit::updateNames()
{
    QStringList names;
    for (const QString &id : ids()) {
        names.append(isolated(actorLabel(*m_case, id)));
    }
    m_names->setText(names.isEmpty() ? QStringLiteral("not said") : names.join(QStringLiteral(", ")));
    m_names->setForegroundRole(names.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);
}

// --- RowGrid

RowGrid::RowGrid(const QStringList &headers, const QList<int> &stretches, const QString &addText,
                 const QString &emptyText, QWidget *parent)
    : QWidget(parent)
    , m_headers(headers)
    , m_grid(new QGridLayout)
    , m_empty(plainLabel(emptyText))
    , m_add(new QPushButton(addText))
{
    m_add->setAutoDefault(false);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(4);
    for (int c = 0; c < headers.size(); ++c) {
        QLabel *h = plainLabel(headers.at(c));
        h->setForegroundRole(QPalette::PlaceholderText);
        m_headerLabels.append(h);
        m_grid->addWidget(h, 0, c);
        m_grid->setColumnStretch(c, stretches.value(c, 1));
    }
    m_grid->setColumnStretch(static_cast<int>(headers.size()), 0);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid);
    layout->addWidget(m_empty);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_add, &QPushButton::clicked, this, &RowGrid::addClicked);
    relayout();
}

void RowGrid::setSeparated(bool separated)
{
    m_separated = separated;
    relayout();
}

void RowGrid::appendRow(const QList<QWidget *> &cells, const QString &removeText, const QString &removeName)
{
    auto *remove = new QPushButton(removeText);
    remove->setAutoDefault(false);
    remove->setProperty(NameTemplate, removeName);
    connect(remove, &QPushButton::clicked, this, [this, remove] {
        for (int r = 0; r < m_rows.size(); ++r) {
            if (m_rows.at(r).constLast() == remove) {
                Q_EMIT removeClicked(r);
                return;
            }
        }
    });
    QList<QWidget *> row = cells;
    for (QWidget *w : cells) {
        w->setProperty(NameTemplate, w->accessibleName());
    }
    row.append(remove);
    m_rows.append(row);
    relayout();
    // Keyboard order follows the rows: the new row after the last, then the Add button, which was made
    // before any row.
    QWidget *previous = m_rows.size() > 1 ? m_rows.at(m_rows.size() - 2).constLast() : nullptr;
    for (QWidget *w : std::as_const(row)) {
        if (previous) {
            setTabOrder(previous, w);
        }
        previous = w;
    }
    setTabOrder(previous, m_add);
}

void RowGrid::removeRow(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        return;
    }
    const QList<QWidget *> cells = m_rows.takeAt(row);
    const bool hadFocus = std::any_of(cells.cbegin(), cells.cend(), [](QWidget *w) {
        return w->isAncestorOf(QApplication::focusWidget()) || w->hasFocus();
    });
    for (QWidget *w : cells) {
        m_grid->removeWidget(w);
        w->hide();
        w->deleteLater();
    }
    relayout();
    if (hadFocus) {
        (m_rows.isEmpty() ? static_cast<QWidget *>(m_add) : m_rows.at(std::min<int>(row, rowCount() - 1)).constLast())
            ->setFocus();
    }
}

QPushButton *RowGrid::removeButton(int row) const
{
    return row >= 0 && row < m_rows.size() ? static_cast<QPushButton *>(m_rows.at(row).constLast()) : nullptr;
}

void RowGrid::relayout()
{
    for (const QList<QWidget *> &cells : std::as_const(m_rows)) {
        for (QWidget *w : cells) {
            m_grid->removeWidget(w);
        }
    }
    for (QFrame *line : std::as_const(m_lines)) {
        m_grid->removeWidget(line);
        delete line;
    }
    m_lines.clear();
    // Row 0 holds the headings; each row of cells is followed by its separating line, when there is one.
    const int columns = static_cast<int>(m_headers.size()) + 1;
    int gridRow = 1;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_separated && r > 0) {
            auto *line = new QFrame;
            line->setFrameShape(QFrame::HLine);
            line->setFrameShadow(QFrame::Sunken);
            m_lines.append(line);
            m_grid->addWidget(line, gridRow++, 0, 1, columns);
        }
        const QList<QWidget *> &cells = m_rows.at(r);
        for (int c = 0; c < cells.size(); ++c) {
            QWidget *w = cells.at(c);
            m_grid->addWidget(w, gridRow, c, Qt::AlignTop);
            // Names count the rows as they stand, so that they stay right after a row is removed.
            const QString name = w->property(NameTemplate).toString().arg(r + 1);
            if (auto *citations = qobject_cast<CitationListEdit *>(w)) {
                citations->setName(name);
            } else if (auto *actors = qobject_cast<ActorSetEdit *>(w)) {
                actors->setName(name);
            } else {
                w->setAccessibleName(name);
            }
        }
        ++gridRow;
    }
    for (QLabel *h : std::as_const(m_headerLabels)) {
        h->setVisible(!m_rows.isEmpty());
    }
    m_empty->setVisible(m_rows.isEmpty());
}

// --- FormDialog

FormDialog::FormDialog(const Case &kase, QWidget *parent)
    : QDialog(parent)
    , m_case(kase)
    , m_problemLabel(plainLabel(QString()))
    , m_layout(new QVBoxLayout(this))
{
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problemLabel->setAccessibleName(QStringLiteral("What stops saving"));
    m_problemLabel->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setDefault(true);
    m_ok->setAutoDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);
    for (const QKeySequence &key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this, &FormDialog::accept);
    }
    m_layout->addWidget(m_problemLabel);
    m_layout->addWidget(buttons);
}

void FormDialog::setBody(QLayout *body)
{
    m_layout->insertLayout(0, body, 1);
}

void FormDialog::revalidate()
{
    m_problems = findProblems();
    m_problemLabel->setText(m_problems.join(QLatin1Char('\n')));
    m_problemLabel->setVisible(!m_problems.isEmpty());
    m_ok->setEnabled(m_problems.isEmpty());
}

void FormDialog::accept()
{
    revalidate();
    if (m_problems.isEmpty()) {
        QDialog::accept();
    }
}

} // namespace AT
