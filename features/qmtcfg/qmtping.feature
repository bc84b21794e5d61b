@area:qmtcfg @sub-option:qmtping
Feature: AT+QMTCFG="qmtping" — MQTT heartbeat interval (spec 3.3.1)

  <qmtping_interval>: 5~60 s, default 5 (stated). The query form prints no OK in the note
  (reading A13: "ok", an omission of the document, or "no-ok", the answer really ends after its
  information line). Queries here wait well past the 300 ms limit: a final result that comes is
  held to the limit, and none at all is the "no-ok" reading; a module that then keeps serving AT
  passes either way.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time). An empty value
  (AT+QMTCFG="qmtping",0,) is not judged: whether an empty field is an omitted parameter (spec
  3.1.1, as in V.25ter) or an error, the note does not say.
  Readings of the note this feature depends on (src/variants/readings.ts): A10, A13.

  Rule: The query form reports the current setting

    @spec:3.3.1:qmtping:query @spec:3.3.1:max-response-time @spec:3.3.1:qmtping:qmtping_interval:default @reboot
    Scenario: A freshly restarted module reports the default "qmtping" setting
      Given the module has restarted
      When the host sends the query AT+QMTCFG="qmtping",0, whose answer may end without a final result
      Then by reading A13 the query answers one of:
        | ok    | +QMTCFG: "qmtping",5\nOK              |
        | no-ok | +QMTCFG: "qmtping",5\nno final result |
      When the host sends AT
      Then the module answers OK

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:qmtping:set @spec:3.3.1:qmtping:query
    Scenario Outline: "qmtping" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="qmtping",<idx>,<value>
      Then the module answers OK
      When the host sends the query AT+QMTCFG="qmtping",<idx>, whose answer may end without a final result
      Then by reading A13 the query answers one of:
        | ok    | +QMTCFG: "qmtping",<reported>\nOK              |
        | no-ok | +QMTCFG: "qmtping",<reported>\nno final result |

      @spec:3.3.1:qmtping:qmtping_interval:range
      Examples: <qmtping_interval> in range
        | idx | value | reported |
        | 0   | 5 | 5 |
        | 3   | 30 | 30 |
        | 5   | 60 | 60 |

    Scenario Outline: "qmtping" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="qmtping",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:qmtping:qmtping_interval:range
      Examples: <qmtping_interval> out of range or not a number
        | value |
        | 4 |
        | 61 |
        | abc |

      @spec:3.3.1:qmtping:set
      Examples: wrong number of parameters
        | value |
        | 5,1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:qmtping:not-while-connected
    Scenario: "qmtping" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="qmtping",0,30
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="qmtping",0,60
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends the query AT+QMTCFG="qmtping",0, whose answer may end without a final result
      Then by reading A10 the query answers one of:
        | after-open    | +QMTCFG: "qmtping",30 |
        | after-open    | +QMTCFG: "qmtping",30\nno final result |
        | after-connect | +QMTCFG: "qmtping",60 |
        | after-connect | +QMTCFG: "qmtping",60\nno final result |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:qmtping:not-while-connected
    Scenario: "qmtping" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="qmtping",0,60
      Then the module answers ERROR
