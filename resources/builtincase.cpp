#include "builtincase.h"

namespace AT {
QString builtinCasePath()
{
    return QStringLiteral(":/apt31-march-2024.json");
}
} // namespace AT
