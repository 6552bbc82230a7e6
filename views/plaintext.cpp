#include "plaintext.h"

namespace AT {

QString chartText(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace AT
