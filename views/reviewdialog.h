#pragma once

#include "formparts.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace AT {

// Marks a passage reviewed and not used: the passage as it stands in the source (read-only), why
// it is not used (one of the case format's reasons) and a note. A duplicate must say of what.
class ReviewDialog final : public FormDialog
{
    Q_OBJECT
public:
    // `current`: the mark the passage has now, to change; a default mark for a new one.
    ReviewDialog(const Case &kase, const Citation &passage, const ReviewedPassage &current, QWidget *parent = nullptr);

    ReviewReason reason() const;
    QString note() const;

    QComboBox *reasonBox() const { return m_reason; }
    QLineEdit *noteEdit() const { return m_note; }

protected:
    QStringList findProblems() const override;

private:
    void reasonChanged();
    QComboBox *m_reason;
    QLineEdit *m_note;
    KeptText m_keptNote;
    QLabel *m_help;
};

} // namespace AT
