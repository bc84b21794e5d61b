@area:qmtcfg @sub-option:ssl
Feature: AT+QMTCFG="ssl" — SSL mode and SSL context index (spec 3.3.1)

  <SSL_enable>: 0 = plain TCP, 1 = SSL; <SSL_ctx_idx>: 0~5. Note 3: with SSL the context
  index must be given. A query without a context index in the answer is allowed by the syntax
  ("[,<SSL_ctx_idx>]"); this harness expects the index printed, as the set form stores it.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).

  Rule: The query form reports the current setting

    @spec:3.3.1:ssl:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "ssl" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="ssl",0
      Then the module answers:
        """
        +QMTCFG: "ssl",{default:sslEnable},{default:sslCtxIdx}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:ssl:set @spec:3.3.1:ssl:query
    Scenario Outline: "ssl" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="ssl",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="ssl",<idx>
      Then the module answers:
        """
        +QMTCFG: "ssl",<reported>
        OK
        """

      @spec:3.3.1:ssl:SSL_enable:range
      Examples: <SSL_enable> in range
        | idx | value | reported |
        | 0   | 0,0 | 0,0 |
        | 3   | 1,2 | 1,2 |

      @spec:3.3.1:ssl:SSL_ctx_idx:range
      Examples: <SSL_ctx_idx> in range
        | idx | value | reported |
        | 0   | 1,0 | 1,0 |
        | 3   | 1,5 | 1,5 |

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
