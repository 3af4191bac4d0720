#include "evcode/common.h"

const char *ev_strerror(int code)
{
    switch (code) {
    case EV_OK: return "success";
    case EV_ERROR: return "error";
    case EV_ENOMEM: return "out of memory";
    case EV_EINVAL: return "invalid input";
    case EV_EINVAL_UTF8: return "invalid UTF-8";
    case EV_ETOOBIG: return "input too large";
    case EV_EIO: return "input/output error";
    case EV_ENOTFOUND: return "not found";
    case EV_EJSON: return "invalid JSON";
    case EV_ITEROVER: return "end of input";
    default: return "unknown error";
    }
}
