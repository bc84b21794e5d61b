@area:qmtcfg @sub-option:timeout
Feature: AT+QMTCFG="timeout" — message delivery timeout (spec 3.3.1)

  <pkt_timeout>: 1~60 s, default 5; <retry_times>: 0~10, default 3; <timeout_notice>:
  0/1 (default lost, A8: {default:timeoutNotice}). The three are set together.
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (timeoutNotice), A9, A10.

  Rule: The query form reports the current setting

    @spec:3.3.1:timeout:query @spec:3.3.1:max-response-time @spec:3.3.1:timeout:pkt_timeout:default @spec:3.3.1:timeout:retry_times:default @reboot
    Scenario: A freshly restarted module reports the default "timeout" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="timeout",0
      Then the module answers:
        """
        +QMTCFG: "timeout",5,3,{default:timeoutNotice}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:timeout:set @spec:3.3.1:timeout:query
    Scenario Outline: "timeout" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="timeout",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="timeout",<idx>
      Then the module answers:
        """
        +QMTCFG: "timeout",<reported>
        OK
        """

      @spec:3.3.1:timeout:pkt_timeout:range
      Examples: <pkt_timeout> in range
        | idx | value | reported |
        | 0   | 1,3,0 | 1,3,0 |
        | 3   | 60,3,0 | 60,3,0 |

      @spec:3.3.1:timeout:retry_times:range
      Examples: <retry_times> in range
        | idx | value | reported |
        | 0   | 5,0,0 | 5,0,0 |
        | 3   | 5,10,1 | 5,10,1 |

      @spec:3.3.1:timeout:timeout_notice:range
      Examples: <timeout_notice> in range
        | idx | value | reported |
        | 0   | 5,3,0 | 5,3,0 |
        | 3   | 5,3,1 | 5,3,1 |

    Scenario Outline: "timeout" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="timeout",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:timeout:pkt_timeout:range
      Examples: <pkt_timeout> out of range or not a number
        | value |
        | 0,3,0 |
        | 61,3,0 |
        | x,3,0 |

      @spec:3.3.1:timeout:retry_times:range
      Examples: <retry_times> out of range or not a number
        | value |
        | 5,-1,0 |
        | 5,11,0 |
        | 5,x,0 |

      @spec:3.3.1:timeout:timeout_notice:range
      Examples: <timeout_notice> out of range or not a number
        | value |
        | 5,3,2 |
        | 5,3,-1 |
        | 5,3,x |

      @spec:3.3.1:timeout:set
      Examples: wrong number of parameters
        | value |
        | 5,3,0,1 |

  Rule: A partial omission keeps the previous values, or is refused (A9)

    # spec 3.1.1: "when an optional parameter of a configuration command is omitted, its previously
    # set value or its default value is used"; 3.3.1 does not say whether a partial omission is one.
    @spec:3.3.1:timeout:set @spec:3.3.1:timeout:query
    Scenario Outline: "timeout" set with only <partial> keeps the omitted values, or is refused
      When the host sends AT+QMTCFG="timeout",0,10,2,1
      Then the module answers OK
      When the host sends AT+QMTCFG="timeout",0,<partial>
      Then by reading A9 the module answers one of:
        | keep-previous | OK    |
        | error         | ERROR |
      When the host sends AT+QMTCFG="timeout",0
      Then by reading A9 the module answers one of:
        | keep-previous | +QMTCFG: "timeout",<kept> |
        | error         | +QMTCFG: "timeout",10,2,1 |

      Examples:
        | partial | kept   |
        | 20      | 20,2,1 |
        | 20,4    | 20,4,1 |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:timeout:not-while-connected
    Scenario: "timeout" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="timeout",0,10,2,0
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="timeout",0,20,4,1
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="timeout",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "timeout",10,2,0 |
        | after-connect | +QMTCFG: "timeout",20,4,1 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:timeout:not-while-connected
    Scenario: "timeout" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="timeout",0,20,4,1
      Then the module answers ERROR
