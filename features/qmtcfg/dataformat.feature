@area:qmtcfg @sub-option:dataformat
Feature: AT+QMTCFG="dataformat" — MQTT data format (spec 3.3.1)

  <send_mode>, <recv_mode>: 0 = string, 1 = hex, set together.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (sendMode, recvMode), A9, A10.

  Rule: The query form reports the current setting

    @spec:3.3.1:dataformat:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "dataformat" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="dataformat",0
      Then the module answers:
        """
        +QMTCFG: "dataformat",{default:sendMode},{default:recvMode}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:dataformat:set @spec:3.3.1:dataformat:query
    Scenario Outline: "dataformat" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="dataformat",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="dataformat",<idx>
      Then the module answers:
        """
        +QMTCFG: "dataformat",<reported>
        OK
        """

      @spec:3.3.1:dataformat:send_mode:range
      Examples: <send_mode> in range
        | idx | value | reported |
        | 0   | 0,0 | 0,0 |
        | 3   | 1,0 | 1,0 |

      @spec:3.3.1:dataformat:recv_mode:range
      Examples: <recv_mode> in range
        | idx | value | reported |
        | 0   | 0,1 | 0,1 |
        | 3   | 1,1 | 1,1 |

    Scenario Outline: "dataformat" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="dataformat",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:dataformat:send_mode:range
      Examples: <send_mode> out of range or not a number
        | value |
        | 2,0 |
        | -1,0 |
        | x,0 |

      @spec:3.3.1:dataformat:recv_mode:range
      Examples: <recv_mode> out of range or not a number
        | value |
        | 0,2 |
        | 0,-1 |
        | 0,x |

      @spec:3.3.1:dataformat:set
      Examples: wrong number of parameters
        | value |
        | 0,0,0 |

  Rule: A partial omission keeps the previous values, or is refused (A9)

    # spec 3.1.1: "when an optional parameter of a configuration command is omitted, its previously
    # set value or its default value is used"; 3.3.1 does not say whether a partial omission is one.
    @spec:3.3.1:dataformat:set @spec:3.3.1:dataformat:query
    Scenario Outline: "dataformat" set with only <partial> keeps the omitted values, or is refused
      When the host sends AT+QMTCFG="dataformat",0,1,1
      Then the module answers OK
      When the host sends AT+QMTCFG="dataformat",0,<partial>
      Then by reading A9 the module answers one of:
        | keep-previous | OK    |
        | error         | ERROR |
      When the host sends AT+QMTCFG="dataformat",0
      Then by reading A9 the module answers one of:
        | keep-previous | +QMTCFG: "dataformat",<kept> |
        | error         | +QMTCFG: "dataformat",1,1 |

      Examples:
        | partial | kept   |
        | 0       | 0,1    |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:dataformat:not-while-connected
    Scenario: "dataformat" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="dataformat",0,1,1
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="dataformat",0,0,0
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="dataformat",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "dataformat",1,1 |
        | after-connect | +QMTCFG: "dataformat",0,0 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:dataformat:not-while-connected
    Scenario: "dataformat" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="dataformat",0,0,0
      Then the module answers ERROR
