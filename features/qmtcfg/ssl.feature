@area:qmtcfg @sub-option:ssl
Feature: AT+QMTCFG="ssl" — SSL mode and SSL context index (spec 3.3.1)

  <SSL_enable>: 0 = plain TCP, 1 = SSL; <SSL_ctx_idx>: 0~5. Note 3: with SSL the context
  index must be given. The query answer is "+QMTCFG: "ssl",<SSL_enable>[,<SSL_ctx_idx>]": reading
  ssl-query prints the index always, or only while SSL is on. Defaults not stated (A8). A partial
  omission ("ssl",0,1 without the index) keeps the previous index or is ERROR (A9). Example 5.2
  writes the sub-option "SSL" (A34: names case-insensitive, or lower case only).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (sslEnable, sslCtxIdx), A9, A10, A34, ssl-query.

  Rule: The query form reports the current setting

    @spec:3.3.1:ssl:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "ssl" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="ssl",0
      Then by reading ssl-query the module answers one of:
        | both-fields      | +QMTCFG: "ssl",{default:sslEnable},{default:sslCtxIdx} |
        | ctx-when-enabled | +QMTCFG: "ssl",{default:sslEnable=1},{default:sslCtxIdx} |
        | ctx-when-enabled | +QMTCFG: "ssl",{default:sslEnable=0}                   |

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:ssl:set @spec:3.3.1:ssl:query
    Scenario Outline: "ssl" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="ssl",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="ssl",<idx>
      Then by reading ssl-query the module answers one of:
        | both-fields      | +QMTCFG: "ssl",<reported> |
        | ctx-when-enabled | +QMTCFG: "ssl",<short>    |

      @spec:3.3.1:ssl:SSL_enable:range
      Examples: <SSL_enable> in range
        | idx | value | reported | short |
        | 0   | 0,0   | 0,0      | 0     |
        | 3   | 1,2   | 1,2      | 1,2   |

      @spec:3.3.1:ssl:SSL_ctx_idx:range
      Examples: <SSL_ctx_idx> in range
        | idx | value | reported | short |
        | 0   | 1,0   | 1,0      | 1,0   |
        | 3   | 1,5   | 1,5      | 1,5   |

    Scenario Outline: "ssl" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="ssl",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:ssl:SSL_enable:range
      Examples: <SSL_enable> out of range or not a number
        | value |
        | 2,0 |
        | -1,0 |
        | x,0 |

      @spec:3.3.1:ssl:SSL_ctx_idx:range
      Examples: <SSL_ctx_idx> out of range or not a number
        | value |
        | 1,6 |
        | 1,-1 |
        | 1,x |

      @spec:3.3.1:ssl:set
      Examples: wrong number of parameters
        | value |
        | 1,2,3 |

  Rule: A partial omission keeps the previous values, or is refused (A9)

    # spec 3.1.1: "when an optional parameter of a configuration command is omitted, its previously
    # set value or its default value is used"; 3.3.1 does not say whether a partial omission is one.
    @spec:3.3.1:ssl:set @spec:3.3.1:ssl:query
    Scenario Outline: "ssl" set with only <partial> keeps the omitted values, or is refused
      When the host sends AT+QMTCFG="ssl",0,0,3
      Then the module answers OK
      When the host sends AT+QMTCFG="ssl",0,<partial>
      Then by reading A9 the module answers one of:
        | keep-previous | OK    |
        | error         | ERROR |
      When the host sends AT+QMTCFG="ssl",0
      Then by reading A9 the module answers one of:
        | keep-previous | +QMTCFG: "ssl",<kept> |
        | error         | +QMTCFG: "ssl",0,3 |
        | error         | +QMTCFG: "ssl",0 |

      Examples:
        | partial | kept   |
        | 1       | 1,3    |

  Rule: The sub-option written "SSL" as in example 5.2 (A34)

    @spec:3.3.1:ssl:set @spec:3.3.1:ssl:query
    Scenario: AT+QMTCFG="SSL" in upper case sets the SSL mode, or is refused
      When the host sends AT+QMTCFG="ssl",0,1,2
      Then the module answers OK
      When the host sends AT+QMTCFG="SSL",0,1,3
      Then by reading A34 the module answers one of:
        | case-insensitive | OK    |
        | lower-only       | ERROR |
      When the host sends AT+QMTCFG="ssl",0
      Then by reading A34 the module answers one of:
        | case-insensitive | +QMTCFG: "ssl",1,3 |
        | lower-only       | +QMTCFG: "ssl",1,2 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:ssl:not-while-connected
    Scenario: "ssl" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="ssl",0,0,2
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="ssl",0,1,3
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="ssl",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "ssl",0,2 |
        | after-open    | +QMTCFG: "ssl",0 |
        | after-connect | +QMTCFG: "ssl",1,3 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:ssl:not-while-connected
    Scenario: "ssl" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="ssl",0,1,3
      Then the module answers ERROR
